package org.duovirt.app.host;

import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;

/** Opens a connection for a URI; the app uses the installed backends, tests may pass their own. Blocking. */
@FunctionalInterface
public interface Connector {
    HostConnection open(String uri);

    /** Opens a saved connection, trusting its URI as far as the user confirmed it. */
    default HostConnection open(ConnectionConfig config) {
        return open(config.uri());
    }

    /**
     * Whether the host answers at all, without logging in (see {@link org.duovirt.core.spi.HypervisorBackend#answers});
     * empty when that cannot be told. Blocking, at most about {@code within}; never throws.
     */
    default java.util.Optional<Boolean> answers(ConnectionConfig config, java.time.Duration within) {
        return java.util.Optional.empty();
    }

    static Connector of(Backends backends) {
        return new Connector() {
            @Override
            public HostConnection open(String uri) {
                return backends.connect(uri);
            }

            @Override
            public java.util.Optional<Boolean> answers(ConnectionConfig config, java.time.Duration within) {
                return backends.answers(config.uri(), within);
            }

            @Override
            public HostConnection open(ConnectionConfig config) {
                return backends.connect(config.uri(), config.options());
            }
        };
    }
}
