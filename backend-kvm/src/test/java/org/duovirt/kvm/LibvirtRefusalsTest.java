package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.core.error.HostRefusedException;
import org.duovirt.core.error.HostUnreachableException;
import org.junit.jupiter.api.Test;

/**
 * A refused host key or login (messages as libvirt's ssh transport gives them) is a refusal the app does
 * not retry on its own; a daemon that is down or a host that does not answer stays an ordinary loss.
 */
class LibvirtRefusalsTest {
    private static final String URI = "qemu+ssh://root@example.org/system";

    @Test
    void aHostKeyThatSshCouldNotVerifyIsARefusal() {
        HostUnreachableException e = LibvirtErrors.unreachable(URI,
                "Cannot recv data: Host key verification failed.: Connection reset by peer", null);
        assertThat(e).isInstanceOf(HostRefusedException.class);
        assertThat(((HostRefusedException) e).reason()).isEqualTo(HostRefusedException.Reason.HOST_KEY);
        assertThat(e.getMessage()).isEqualTo("Cannot reach libvirt at qemu+ssh://root@example.org/system: the host's SSH key could not be verified.");
        assertThat(e.hint()).endsWith("then connect again.");
    }

    @Test
    void aRefusedLoginIsARefusal() {
        HostUnreachableException e = LibvirtErrors.unreachable(URI,
                "Cannot recv data: root@example.org: Permission denied (publickey).: Connection reset by peer", null);
        assertThat(e).isInstanceOf(HostRefusedException.class);
        assertThat(((HostRefusedException) e).reason()).isEqualTo(HostRefusedException.Reason.LOGIN);
    }

    @Test
    void aDaemonThatIsDownOrAHostThatDoesNotAnswerIsAnOrdinaryLoss() {
        assertThat(LibvirtErrors.unreachable("qemu:///session",
                "Failed to connect socket to '/run/user/1000/libvirt/virtqemud-sock': Connection refused", null))
                .isNotInstanceOf(HostRefusedException.class);
        assertThat(LibvirtErrors.unreachable(URI, "Cannot recv data: ssh: connect to host example.org port 22: Connection timed out", null))
                .isNotInstanceOf(HostRefusedException.class);
    }
}
