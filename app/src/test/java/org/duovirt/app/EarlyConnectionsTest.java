package org.duovirt.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * JavaFX calls start() only when init() has returned, so begin() must not read the config itself. The
     * file here is a named pipe: reading it blocks until something writes it, which this test only does
     * after begin() has returned. Read on the caller's thread, begin() would never return.
     */
    @Test
    void beginReturnsBeforeTheConfigIsReadAndTheEarlyOpenStillHappens(@TempDir Path dir) throws Exception {
        Path pipe = dir.resolve("connections.json");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();

        EarlyConnections early = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> EarlyConnections.begin(new AppDirs(dir, dir.resolve("state"))));
        Files.writeString(pipe, "{\"version\":1,\"connections\":[{\"uri\":\"test:///default\",\"autoconnect\":true}]}");

        try (HostConnection opened = early.open("test:///default")) {
            assertThat(opened.listVms(true)).extracting(v -> v.name()).containsExactly("test");
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
