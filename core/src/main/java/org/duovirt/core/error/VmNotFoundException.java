package org.duovirt.core.error;

/** No VM of that name on the host. */
public class VmNotFoundException extends DuovirtException {
    private static final long serialVersionUID = 1L;

    public VmNotFoundException(String vm, String host) {
        super("There is no VM named '" + vm + "' on " + host + ".", "Check the name with 'duovirt list --all'.");
    }
}
