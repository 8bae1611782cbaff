package org.duovirt.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.JSchException;
import java.net.ConnectException;
import java.security.SignatureException;
import org.junit.jupiter.api.Test;

/** Which failed handshakes are worth one more try: only a key exchange that failed its own cryptography. */
class SshSessionTest {
    @Test
    void aKeyExchangeSignatureThatFailsToVerifyIsTriedOnceMore() {
        // The message JSch 2.28 gave in CI when the JDK's Ed25519 refused a point during the exchange.
        JSchException e = new JSchException("Session.connect: java.security.SignatureException: Invalid point",
                new SignatureException("Invalid point"));
        assertThat(SshSession.isCryptoGlitch(e)).isTrue();
    }

    @Test
    void theHandshakesPhasesAreReadFromJschsOwnLines() {
        SshPhases phases = new SshPhases();
        int info = com.jcraft.jsch.Logger.INFO;
        for (String line : new String[] {"Connecting to 127.0.0.1 port 2222", "Connection established",
                "Remote version string: SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3", "SSH_MSG_KEXINIT sent", "SSH_MSG_NEWKEYS received",
                "Authentications that can continue: publickey", "Authentication succeeded (publickey)."}) {
            phases.log(info, line);
        }
        assertThat(phases.summary()).matches("\\d+ ms \\(TCP and greeting \\d+ ms, key exchange \\d+ ms, login \\d+ ms\\)");
        SshPhases stuck = new SshPhases();
        stuck.log(info, "Connecting to 127.0.0.1 port 2222");
        stuck.log(info, "SSH_MSG_NEWKEYS received");
        // Where a handshake stopped, and a phase whose own line did not come counted into the next.
        assertThat(stuck.summary()).matches("\\d+ ms \\(key exchange \\d+ ms\\)");
    }

    @Test
    void refusedLoginsAndUnreachableHostsAreNotRetried() {
        assertThat(SshSession.isCryptoGlitch(new JSchException("Auth fail for methods 'publickey'"))).isFalse();
        assertThat(SshSession.isCryptoGlitch(new JSchException("java.net.ConnectException: Connection refused",
                new ConnectException("Connection refused")))).isFalse();
        assertThat(SshSession.isCryptoGlitch(new JSchException("reject HostKey: 127.0.0.1"))).isFalse();
    }

    @Test
    void aRefusedLoginIsARefusalAndAnUnreachableHostIsNot() {
        SshTarget target = new SshTarget("root", "127.0.0.1", 2222, null, java.nio.file.Path.of("/nonexistent/known_hosts"));
        var refused = SshSession.failure(target, "the user needs root rights for xl", new JSchException("Auth fail for methods 'publickey'"));
        assertThat(refused).isInstanceOf(org.duovirt.core.error.HostRefusedException.class);
        assertThat(((org.duovirt.core.error.HostRefusedException) refused).reason())
                .isEqualTo(org.duovirt.core.error.HostRefusedException.Reason.LOGIN);
        assertThat(refused.hint()).endsWith("; the user needs root rights for xl, then connect again.");
        assertThat(SshSession.failure(target, "", new JSchException("java.net.ConnectException: Connection refused")))
                .isNotInstanceOf(org.duovirt.core.error.HostRefusedException.class);
    }
}
