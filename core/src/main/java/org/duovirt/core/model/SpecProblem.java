package org.duovirt.core.model;

import java.util.List;
import java.util.Objects;
import org.duovirt.core.limits.Problem;

/**
 * One thing wrong with a spec: the field it concerns and one sentence in the user's words.
 *
 * @param field   where the wizard shows it
 * @param message one sentence: what is wrong and, where it helps, what to do
 */
public record SpecProblem(SpecField field, String message) {
    public SpecProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** Adds a bound's problem (from {@link org.duovirt.core.limits.Bounds}) under its field; null adds nothing. */
    public static void addIfAny(List<SpecProblem> problems, SpecField field, Problem problem) {
        if (problem != null) {
            problems.add(new SpecProblem(field, problem.text()));
        }
    }

    /** The sentences alone, in order (the CLI and exceptions print these). */
    public static List<String> messages(List<SpecProblem> problems) {
        return problems.stream().map(SpecProblem::message).toList();
    }
}
