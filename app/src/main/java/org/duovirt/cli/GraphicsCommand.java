package org.duovirt.cli;

import org.duovirt.core.model.GraphicsEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "graphics", aliases = "vncdisplay", description = "Show where the VM's graphical console listens.")
final class GraphicsCommand extends HostSubcommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    void run() {
        GraphicsEndpoint g = host().graphics(name);
        if (output().isJson()) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("protocol", g.protocol());
            m.put("host", g.host());
            m.put("port", g.port());
            m.put("socket", g.socketPath());
            output().json(m);
        } else {
            output().line(g.protocol() + "://" + (g.socketPath() != null ? g.socketPath() : g.host() + ":" + g.port()));
        }
    }
}
