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
    void refusedLoginsAndUnreachableHostsAreNotRetried() {
        assertThat(SshSession.isCryptoGlitch(new JSchException("Auth fail for methods 'publickey'"))).isFalse();
        assertThat(SshSession.isCryptoGlitch(new JSchException("java.net.ConnectException: Connection refused",
                new ConnectException("Connection refused")))).isFalse();
        assertThat(SshSession.isCryptoGlitch(new JSchException("reject HostKey: 127.0.0.1"))).isFalse();
    }
}
