package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.ssh.SshTarget;
import org.junit.jupiter.api.Test;

class XenUriTest {
    @Test
    void readsUserHostPortKeyfileAndKnownHosts() {
        SshTarget t = XenUri.sshTarget(URI.create("xl+ssh://admin@10.0.0.5:2222/?keyfile=/tmp/my%20key&known_hosts=/tmp/kh"));
        assertThat(t.user()).isEqualTo("admin");
        assertThat(t.host()).isEqualTo("10.0.0.5");
        assertThat(t.port()).isEqualTo(2222);
        assertThat(t.keyFile()).isEqualTo(Path.of("/tmp/my key"));
        assertThat(t.knownHosts()).isEqualTo(Path.of("/tmp/kh"));
        assertThat(t.knownHostsName()).isEqualTo("[10.0.0.5]:2222");
    }

    @Test
    void defaultsToRootPort22AndTheUsersKnownHosts() {
        SshTarget t = XenUri.sshTarget(URI.create("xl+ssh://xenhost/"));
        assertThat(t.user()).isEqualTo("root");
        assertThat(t.port()).isEqualTo(22);
        assertThat(t.keyFile()).isNull();
        assertThat(t.knownHosts()).isEqualTo(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
        assertThat(XenUri.isLocal(URI.create("xl:///"))).isTrue();
    }

    @Test
    void refusesPasswordsUnknownParametersAndMissingHosts() {
        assertThatThrownBy(() -> XenUri.sshTarget(URI.create("xl+ssh://root:secret@h/"))).isInstanceOf(DuovirtException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> XenUri.sshTarget(URI.create("xl+ssh://h/?password=x"))).hasMessageContaining("unknown parameter");
        assertThatThrownBy(() -> XenUri.sshTarget(URI.create("xl+ssh:///"))).hasMessageContaining("names no host");
    }
}
