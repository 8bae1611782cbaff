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
