package org.duovirt.app.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.duovirt.app.Messages;
import org.duovirt.core.model.StorageItem;
import org.junit.jupiter.api.Test;

class DeleteDialogViewModelTest {
    private final StorageItem own = new StorageItem("vda", "/var/lib/libvirt/images/web.qcow2", 10L << 30, true, null);
    private final StorageItem iso = new StorageItem("sda", "/srv/iso/debian.iso", 0, false, "read-only installer image");

    @Test
    void ownedStorageStartsUncheckedAndTheSummarySaysWhatHappens() {
        Messages.use(Locale.ENGLISH);
        DeleteDialogViewModel vm = new DeleteDialogViewModel("web", "kvm1", List.of(own, iso));
        assertThat(vm.deleteStorageProperty().get()).isFalse();
        assertThat(vm.fate(own)).isEqualTo("kept");
        assertThat(vm.fate(iso)).isEqualTo("kept: read-only installer image");
        assertThat(vm.summary().get()).isEqualTo("Delete removes the definition of web; its storage stays on the host.");
        vm.deleteStorageProperty().set(true);
        assertThat(vm.fate(own)).isEqualTo("will be deleted");
        assertThat(vm.fate(iso)).isEqualTo("kept: read-only installer image");
        assertThat(vm.summary().get()).isEqualTo("Delete removes the definition of web and permanently erases its 1 owned storage item.");
        assertThat(vm.describe(own)).isEqualTo("vda: /var/lib/libvirt/images/web.qcow2 (10 GiB)");
    }
}
