package org.duovirt.core.error;

import java.util.List;

/** A request that cannot be carried out as given (bad name, impossible size, missing file); nothing was changed. */
public class InvalidSpecException extends DuovirtException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public InvalidSpecException(List<String> problems) {
        super(String.join(" ", problems), (String) null);
        this.problems = List.copyOf(problems);
    }

    public InvalidSpecException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
