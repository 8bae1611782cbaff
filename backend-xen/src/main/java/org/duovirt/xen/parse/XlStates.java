package org.duovirt.xen.parse;

import org.duovirt.core.model.VmState;

/**
 * The state letters of {@code xl list} ({@code r b p s <reason> d}, reason one of {@code -rscwS}) and
 * of xentop ({@code d s b c p r}) as a {@link VmState}.
 */
public final class XlStates {
    private XlStates() {
    }

    /** {@code xl list}: running, blocked, paused, shutdown, shutdown reason, dying. */
    public static VmState fromXlList(String letters) {
        if (letters.length() < 6) {
            return VmState.OTHER;
        }
        boolean paused = letters.charAt(2) == 'p';
        boolean shutdown = letters.charAt(3) == 's';
        char reason = letters.charAt(4);
        boolean dying = letters.charAt(5) == 'd';
        if (shutdown && reason == 'c') {
            return VmState.CRASHED;
        }
        if (shutdown || dying) {
            return VmState.OTHER;
        }
        return paused ? VmState.PAUSED : VmState.RUNNING;
    }

    /** xentop: dying, shutdown, blocked, crashed, paused, running. */
    public static VmState fromXentop(String letters) {
        if (letters.indexOf('c') >= 0) {
            return VmState.CRASHED;
        }
        if (letters.indexOf('d') >= 0 || letters.indexOf('s') >= 0) {
            return VmState.OTHER;
        }
        return letters.indexOf('p') >= 0 ? VmState.PAUSED : VmState.RUNNING;
    }
}
