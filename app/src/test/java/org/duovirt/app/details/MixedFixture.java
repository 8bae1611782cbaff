package org.duovirt.app.details;

import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.HostState;
import org.duovirt.app.host.Sessions;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.spi.Backends;

/**
 * A session on the mixed test-driver fixture, connected and listed: a private host per connection, so a test's
 * changes do not leak into others. Standard timeouts: a timed-out call that reconnected would lose the change.
 */
final class MixedFixture {
    private MixedFixture() {
    }

    static HostSession connect() {
        HostSession session = Sessions.session(UiTestSupport.mixedFixtureUri(), uri -> Backends.installed().connect(uri),
                Timeouts.standard());
        session.connect();
        Sessions.await("listed", () -> session.state() == HostState.CONNECTED && !session.vms().isEmpty());
        return session;
    }
}
