package org.duovirt.xen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.duovirt.core.rfb.RfbClient;
import org.duovirt.core.rfb.RfbException;
import org.duovirt.core.testing.XenTestHosts;
import org.duovirt.xen.XenUri;
import org.duovirt.xen.transport.SshTransport;
import org.duovirt.core.ssh.TcpStream;
import org.junit.jupiter.api.Test;

/**
 * The xl+ssh graphics channel's transport: a direct-tcpip channel on the existing SSH session to a port as dom0
 * sees it, checked against dom0's own sshd on 127.0.0.1:22, which our RFB client must then refuse in one sentence.
 * A PV guest's framebuffer through the same channel: app's XenFramebufferCliIT and XenGraphicsTabIT.
 */
class XenTcpChannelIT {
    @Test
    void aDirectTcpipChannelReachesAPortInDom0AndANonVncServerIsRefusedCleanly() throws Exception {
        try (SshTransport ssh = SshTransport.connect(XenUri.sshTarget(URI.create(XenTestHosts.uri())))) {
            try (TcpStream stream = ssh.openTcp("127.0.0.1", 22)) {
                assertThat(stream.route()).startsWith("SSH channel via ").endsWith(" to 127.0.0.1:22");
                byte[] banner = new byte[8];
                int n = 0;
                while (n < banner.length) {
                    int r = stream.in().read(banner, n, banner.length - n);
                    assertThat(r).isPositive();
                    n += r;
                }
                assertThat(new String(banner, StandardCharsets.US_ASCII)).isEqualTo("SSH-2.0-");
            }
            try (TcpStream stream = ssh.openTcp("127.0.0.1", 22)) {
                assertThatThrownBy(() -> RfbClient.connect(stream.in(), stream.out(), null, null))
                        .isInstanceOf(RfbException.class)
                        .hasMessage("The server did not answer as a VNC (RFB) server.");
            }
        }
    }
}
