package org.duovirt.cli;

import java.util.EnumSet;
import java.util.Set;
import org.duovirt.core.model.PinScope;
import picocli.CommandLine.Option;

/** --live / --config; both when neither is given. */
final class ScopeOptions {
    @Option(names = "--live", description = "Change the running VM.")
    boolean live;

    @Option(names = "--config", description = "Change the saved configuration (survives a restart).")
    boolean config;

    Set<PinScope> scopes() {
        if (!live && !config) {
            return PinScope.both();
        }
        EnumSet<PinScope> scopes = EnumSet.noneOf(PinScope.class);
        if (live) {
            scopes.add(PinScope.LIVE);
        }
        if (config) {
            scopes.add(PinScope.CONFIG);
        }
        return scopes;
    }
}
