package org.duovirt.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.duovirt.app.config.AppDirs;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.spi.HostConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlyConnectionsTest {
    @Test
    void aSavedAutoconnectHostIsOpenedBeforeItIsAskedForAndHandedOutOnce(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("connections.json"),
                "{\"version\":1,\"connections\":[{\"uri\":\"test:///default\",\"autoconnect\":true}]}");
        EarlyConnections early = EarlyConnections.begin(new AppDirs(dir, dir.resolve("state")));

        try (HostConnection first = early.open("test:///default"); HostConnection second = early.open("test:///default")) {
            assertThat(first.listVms(true)).extracting(v -> v.name()).containsExactly("test");
            assertThat(second).as("a later open is a new connection").isNotSameAs(first);
            assertThat(second.listVms(true)).hasSize(1);
        }
    }

    @Test
    void aSavedHostWhoseProgramParametersTheUserConfirmedIsOpenedWithThatConfirmation(@TempDir Path dir) throws Exception {
        String uri = "test:///default?command=/bin/true";
        Files.writeString(dir.resolve("connections.json"), "{\"version\":1,\"connections\":[{\"uri\":\"" + uri
                + "\",\"autoconnect\":true,\"programsConfirmed\":true}]}");
        EarlyConnections early = EarlyConnections.begin(new AppDirs(dir, dir.resolve("state")));
        var config = new org.duovirt.app.config.ConnectionConfig(uri, null, true, true);

        // Opened early and again later: both times as confirmed, not refused as an unconfirmed command=.
        try (HostConnection first = early.open(config); HostConnection again = early.open(config)) {
            assertThat(first.listVms(true)).hasSize(1);
            assertThat(again.listVms(true)).hasSize(1);
        }
        assertThatThrownBy(() -> early.open(uri)).isInstanceOf(DuovirtException.class).hasMessageContaining("command=");
    }

    @Test
    void aHostThatCannotBeOpenedFailsAtItsOpenLikeAnyOther(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("connections.json"),
                "{\"version\":1,\"connections\":[{\"uri\":\"nosuch:///x\",\"autoconnect\":true}]}");
        EarlyConnections early = EarlyConnections.begin(new AppDirs(dir, dir.resolve("state")));

        assertThatThrownBy(() -> early.open("nosuch:///x")).isInstanceOf(DuovirtException.class);
        assertThat(early.backends()).isNotNull();
    }

    @Test
    void anUnreadableConfigStartsNothingEarly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("connections.json"), "{not json");
        EarlyConnections early = EarlyConnections.begin(new AppDirs(dir, dir.resolve("state")));

        try (HostConnection c = early.open("test:///default")) {
            assertThat(c.listVms(true)).hasSize(1);
        }
    }
}
