package org.duovirt.app.host;

import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;

/** Opens a connection for a URI; the app uses the installed backends, tests may pass their own. Blocking. */
@FunctionalInterface
public interface Connector {
    HostConnection open(String uri);

    static Connector of(Backends backends) {
        return backends::connect;
    }
}
