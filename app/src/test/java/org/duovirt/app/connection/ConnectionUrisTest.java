package org.duovirt.app.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.duovirt.app.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionUrisTest {
    @BeforeAll
    static void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void buildsEveryKindOfUri() {
        assertThat(ConnectionUris.build(ConnectionKind.KVM_SYSTEM, null, null, null, null)).isEqualTo("qemu:///system");
        assertThat(ConnectionUris.build(ConnectionKind.KVM_SESSION, null, null, null, null)).isEqualTo("qemu:///session");
        assertThat(ConnectionUris.build(ConnectionKind.KVM_SSH, "ana", "kvm1.lan", null, null)).isEqualTo("qemu+ssh://ana@kvm1.lan/system");
        assertThat(ConnectionUris.build(ConnectionKind.XEN_LOCAL, null, null, null, null)).isEqualTo("xl:///");
        assertThat(ConnectionUris.build(ConnectionKind.XEN_SSH, "root", "dom0", "", null)).isEqualTo("xl+ssh://root@dom0/");
        assertThat(ConnectionUris.build(ConnectionKind.XEN_SSH, "root", "dom0", "2222", null)).isEqualTo("xl+ssh://root@dom0:2222/");
        assertThat(ConnectionUris.build(ConnectionKind.KVM_SSH, "root", "fe80::1", null, null)).isEqualTo("qemu+ssh://root@[fe80::1]/system");
        assertThat(ConnectionUris.build(ConnectionKind.KVM_CUSTOM, null, null, null, " test:///default ")).isEqualTo("test:///default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ro'ot", "a<b", "a&b", "a\nb", "$(reboot)", "ñandú", "a b", "a@b", "", "-rf"})
    void hostileUserNamesAreRejected(String user) {
        assertThat(ConnectionUris.problems(ConnectionKind.KVM_SSH, user, "host", null, null))
                .containsExactly("The user name may contain only letters, digits, dot, dash and underscore.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h'st", "a<b", "a&b", "a\nb", "$(reboot)", "hóst", "a b", "u@h", "", "127.0", "-oProxyCommand=x", "h/x"})
    void hostileHostNamesAreRejected(String host) {
        assertThat(ConnectionUris.problems(ConnectionKind.XEN_SSH, "root", host, null, null))
                .containsExactly("The host must be a host name or an IP address.");
    }

    @Test
    void portsOutOfRangeAndCustomUrisWithoutSchemeAreRejected() {
        assertThat(ConnectionUris.problems(ConnectionKind.XEN_SSH, "root", "h", "70000", null)).hasSize(1);
        assertThat(ConnectionUris.problems(ConnectionKind.XEN_SSH, "root", "h", "22x", null)).hasSize(1);
        assertThat(ConnectionUris.problems(ConnectionKind.KVM_CUSTOM, null, null, null, "just-a-host")).hasSize(1);
        assertThat(ConnectionUris.problems(ConnectionKind.KVM_CUSTOM, null, null, null, "qemu+tcp://h/system")).isEmpty();
    }

    @Test
    void viewModelExposesUriOnlyWhileValid() {
        ConnectionDialogViewModel vm = new ConnectionDialogViewModel();
        vm.kindProperty().set(ConnectionKind.KVM_SSH);
        vm.hostProperty().set("");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.uriProperty().get()).isEmpty();
        vm.hostProperty().set("kvm2");
        vm.userProperty().set("ops");
        assertThat(vm.uriProperty().get()).isEqualTo("qemu+ssh://ops@kvm2/system");
        vm.autoconnectProperty().set(false);
        vm.labelProperty().set("  ");
        assertThat(vm.result()).isEqualTo(new org.duovirt.app.config.ConnectionConfig("qemu+ssh://ops@kvm2/system", null, false));
    }
}
