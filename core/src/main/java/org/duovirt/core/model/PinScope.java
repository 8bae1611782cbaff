package org.duovirt.core.model;

import java.util.EnumSet;
import java.util.Set;

/** Where a change applies: the running VM, its saved configuration, or both. */
public enum PinScope {
    LIVE, CONFIG;

    public static Set<PinScope> both() {
        return EnumSet.allOf(PinScope.class);
    }
}
