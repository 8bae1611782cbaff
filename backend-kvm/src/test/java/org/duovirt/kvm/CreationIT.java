package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Creation on a real libvirtd: hostile names are defined exactly as given, impossible specs are refused
 * with a clear sentence, and nothing is left behind by a refused or cancelled creation.
 */
class CreationIT {
    private static HostConnection host;
    private static Path[] guest;
    private List<String> domainsBefore;
    private List<String> volumesBefore;

    @BeforeAll
    static void connect() {
        LiveHost.cleanUp();
        guest = LiveHost.guest();
        host = Backends.installed().connect(LiveHost.URI);
    }

    @AfterAll
    static void close() {
        if (host != null) {
            host.close();
        }
        LiveHost.cleanUp();
    }

    @BeforeEach
    void remember() {
        domainsBefore = LiveHost.domainNames();
        volumesBefore = LiveHost.defaultPoolVolumes();
    }

    @AfterEach
    void nothingLeftBehind() {
        LiveHost.cleanUp();
    }

    private static VmSpec spec(String name, long memoryMiB, int vcpus, VmSpec.Boot boot) {
        return new VmSpec(name, memoryMiB, vcpus, new VmSpec.Storage.NewDisk(0.05, null), boot, null, VirtMode.QEMU,
                null, null, null);
    }

    private static VmSpec.Boot kernel() {
        return new VmSpec.Boot.Kernel(guest[0].toString(), guest[1].toString(), "console=ttyS0");
    }

    private void assertNothingLeft() {
        assertThat(LiveHost.domainNames()).isEqualTo(domainsBefore);
        assertThat(LiveHost.defaultPoolVolumes()).isEqualTo(volumesBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"it's \"q\"", "<b> & <i>", "$(reboot) `id` ;", "é名前 ünï", "it's \"q\" <b> & $(reboot)"})
    void hostileNamesAreDefinedExactly(String hostile) {
        String name = LiveHost.PREFIX + hostile;

        host.create(spec(name, 64, 1, kernel()), ProgressListener.NONE);

        assertThat(LiveHost.domainNames()).contains(name);
        assertThat(LiveHost.virsh("domname", host.details(name).summary().uuid()).strip()).isEqualTo(name);
        assertThat(host.storage(name)).singleElement().satisfies(item -> {
            assertThat(item.owned()).isTrue();
            assertThat(Path.of(item.path()).getFileName().toString()).matches("[A-Za-z0-9._-]+");
        });
        host.delete(name, true);
        assertNothingLeft();
    }

    @Test
    void aNewlineInTheNameIsRefusedCleanly() {
        assertThatThrownBy(() -> host.create(spec(LiveHost.PREFIX + "two\nlines", 64, 1, kernel()), ProgressListener.NONE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("The name must not contain control characters such as a newline or a tab.");
        assertNothingLeft();
    }

    @Test
    void memoryBeyondTheHostIsRefused() {
        assertThatThrownBy(() -> host.create(spec(LiveHost.PREFIX + "huge", 64L << 20, 1, kernel()), ProgressListener.NONE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageMatching("Memory of 67108864 MiB is more than the host's \\d+ MiB\\.");
        assertNothingLeft();
    }

    @Test
    void zeroVcpusAreRefused() {
        assertThatThrownBy(() -> host.create(spec(LiveHost.PREFIX + "novcpu", 64, 0, kernel()), ProgressListener.NONE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("A VM needs at least 1 vCPU; 0 was asked for.");
        assertNothingLeft();
    }

    @Test
    void aKernelThatDoesNotExistIsRefused() {
        VmSpec.Boot missing = new VmSpec.Boot.Kernel("/nonexistent/vmlinuz", guest[1].toString(), "console=ttyS0");
        assertThatThrownBy(() -> host.create(spec(LiveHost.PREFIX + "nokernel", 64, 1, missing), ProgressListener.NONE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("The kernel '/nonexistent/vmlinuz' does not exist on qemu:///system.");
        assertNothingLeft();
    }

    @Test
    void aNameAlreadyTakenIsRefusedAndTheExistingVmIsUntouched() {
        String name = LiveHost.PREFIX + "taken";
        host.create(spec(name, 64, 1, kernel()), ProgressListener.NONE);
        List<String> volumes = LiveHost.defaultPoolVolumes();

        assertThatThrownBy(() -> host.create(spec(name, 64, 1, kernel()), ProgressListener.NONE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("A VM named '" + name + "' already exists on qemu:///system.");
        assertThat(LiveHost.defaultPoolVolumes()).isEqualTo(volumes);
        assertThat(LiveHost.domainNames()).contains(name);
    }

    @Test
    void aCloneHasItsOwnCopyOfTheDiskAndBothDeleteCleanly() {
        String source = LiveHost.PREFIX + "clone-src";
        String clone = LiveHost.PREFIX + "clone-copy";
        host.create(spec(source, 64, 1, kernel()), ProgressListener.NONE);

        host.cloneVm(source, clone, ProgressListener.NONE);

        String sourceDisk = host.storage(source).get(0).path();
        String cloneDisk = host.storage(clone).get(0).path();
        assertThat(cloneDisk).isNotEqualTo(sourceDisk).endsWith(clone + ".qcow2");
        assertThat(LiveHost.virsh("domblklist", clone)).contains(cloneDisk).doesNotContain(sourceDisk);
        assertThat(LiveHost.defaultPoolVolumes()).contains(source + ".qcow2", clone + ".qcow2");
        host.delete(clone, true);
        host.delete(source, true);
        assertNothingLeft();
    }

    @Test
    void anIsoInstallKeepsTheIsoWhenTheVmIsDeletedWithStorage() throws Exception {
        String name = LiveHost.PREFIX + "iso";
        Path iso = Files.copy(guest[1], LiveHost.GUEST_DIR.resolve("dvt-it-kvm-fake.iso"), StandardCopyOption.REPLACE_EXISTING);
        try {
            host.create(spec(name, 64, 1, new VmSpec.Boot.Iso(iso.toString())), ProgressListener.NONE);
            assertThat(host.details(name).disks()).extracting(d -> d.device()).containsExactly("disk", "cdrom");
            host.start(name);
            host.destroy(name);
            assertThat(host.storage(name)).filteredOn(item -> item.path().equals(iso.toString())).singleElement()
                    .satisfies(item -> assertThat(item.owned()).isFalse());

            host.delete(name, true);

            assertThat(iso).exists();
            assertNothingLeft();
        } finally {
            Files.deleteIfExists(iso);
        }
    }

    @Test
    void aCreationCancelledAfterItsDiskRemovesTheDisk() {
        ProgressListener cancelAfterDisk = new CancelAfterDisk();
        assertThatThrownBy(() -> host.create(spec(LiveHost.PREFIX + "cancel", 64, 1, kernel()), cancelAfterDisk))
                .isInstanceOf(DuovirtException.class)
                .hasMessage("Creating VM '" + LiveHost.PREFIX + "cancel' was cancelled; nothing was kept.");
        assertNothingLeft();
    }
}
