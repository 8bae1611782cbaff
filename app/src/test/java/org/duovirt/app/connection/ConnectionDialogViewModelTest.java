package org.duovirt.app.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The custom URI is the one place a URI may run a program, and only once the user confirms it. */
class ConnectionDialogViewModelTest {
    @Test
    void aCustomUriThatRunsAProgramNeedsTheConfirmationAndIsSavedAsConfirmed() {
        ConnectionDialogViewModel vm = new ConnectionDialogViewModel();
        vm.kindProperty().set(ConnectionKind.KVM_CUSTOM);
        vm.customUriProperty().set("qemu+ext:///system?command=/usr/local/bin/my-tunnel");
        assertThat(vm.needsConfirmationProperty().get()).isTrue();
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).contains("confirm");
        vm.programsConfirmedProperty().set(true);
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.result().programsConfirmed()).isTrue();
    }

    @Test
    void passwordsAndUnknownParametersCannotBeConfirmedAway() {
        ConnectionDialogViewModel vm = new ConnectionDialogViewModel();
        vm.kindProperty().set(ConnectionKind.KVM_CUSTOM);
        vm.customUriProperty().set("qemu+ssh://root:pw@h/system");
        assertThat(vm.needsConfirmationProperty().get()).isFalse();
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.problemProperty().get()).contains("holds a password").doesNotContain(":pw@");
        vm.customUriProperty().set("qemu:///system?evil=1");
        assertThat(vm.validProperty().get()).isFalse();
        vm.customUriProperty().set("qemu+ssh://root@h/system");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.result().programsConfirmed()).isFalse();
    }
}
