package org.duovirt.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.Logger;
import org.junit.jupiter.api.Test;

/** The handshake's phases and the session's end, from JSch 2.28's own log lines. */
class SshPhasesTest {
    @Test
    void phasesAreCountedInOrderAndTheFirstEndingLineIsKept() {
        SshPhases phases = new SshPhases();
        phases.log(Logger.INFO, "Connecting to 127.0.0.1 port 2222");
        phases.log(Logger.INFO, "Connection established");
        phases.log(Logger.INFO, "SSH_MSG_NEWKEYS received");
        phases.log(Logger.INFO, "Authentication succeeded (publickey).");
        assertThat(phases.summary()).matches("\\d+ ms \\(TCP and greeting \\d+ ms, key exchange \\d+ ms, login \\d+ ms\\)");
        assertThat(phases.ending()).isNull();

        phases.log(Logger.INFO, "Caught an exception, leaving main loop due to timeout\njava.io.IOException: timeout\n\tat com.jcraft.jsch.IO.getByte(IO.java:97)");
        phases.log(Logger.INFO, "Disconnecting from 127.0.0.1 port 2222");
        assertThat(phases.ending()).isEqualTo("Caught an exception, leaving main loop due to timeout");
    }

    @Test
    void aDisconnectOfOurOwnIsAnEndingToo() {
        SshPhases phases = new SshPhases();
        phases.log(Logger.INFO, "Disconnecting from host.example port 22");
        assertThat(phases.ending()).isEqualTo("Disconnecting from host.example port 22");
        assertThat(phases.summary()).doesNotContain("(");
    }
}
