package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.SnapshotInfo;
import org.duovirt.core.model.StorageItem;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;

/** Creation, storage ownership, snapshots and deletion against libvirt's test driver (pool default-pool). */
class CreateDeleteTestDriverTest {
    private static final String POOL = "default-pool";
    private HostConnection host;
    private Connect raw;

    @BeforeEach
    void connect() throws Exception {
        host = Backends.installed().connect("test:///default");
        raw = new Connect("test:///default");
    }

    @AfterEach
    void close() throws Exception {
        for (VmSummary vm : host.listVms(true)) {
            if (!vm.name().equals("test")) {
                if (vm.state().isActive()) {
                    host.destroy(vm.name());
                }
                host.delete(vm.name(), true);
            }
        }
        host.close();
        raw.close();
    }

    private static VmSpec spec(String name, VmSpec.Storage storage) {
        return new VmSpec(name, 128, 1, storage, null, null, null, null, null, null);
    }

    private List<String> volumes() throws Exception {
        return List.of(raw.storagePoolLookupByName(POOL).listVolumes());
    }

    @Test
    void createsAVmWithANewDiskAndDeletesBothAgain() throws Exception {
        VmSummary created = host.create(spec("dvt-unit-a", new VmSpec.Storage.NewDisk(0.1, POOL)), ProgressListener.NONE);

        assertThat(created.state()).isEqualTo(VmState.SHUTOFF);
        assertThat(created.memoryMiB()).isEqualTo(128);
        assertThat(volumes()).contains("dvt-unit-a.qcow2");
        List<StorageItem> storage = host.storage("dvt-unit-a");
        assertThat(storage).singleElement().satisfies(item -> {
            assertThat(item.owned()).isTrue();
            assertThat(item.capacityBytes()).isEqualTo((long) Math.ceil(0.1 * (1L << 30)));
        });

        host.delete("dvt-unit-a", true);

        assertThat(host.listVms(true)).extracting(VmSummary::name).doesNotContain("dvt-unit-a");
        assertThat(volumes()).doesNotContain("dvt-unit-a.qcow2");
    }

    @Test
    void deleteWithoutStorageKeepsTheVolume() throws Exception {
        host.create(spec("dvt-unit-b", new VmSpec.Storage.NewDisk(0.1, POOL)), ProgressListener.NONE);

        host.delete("dvt-unit-b", false);

        assertThat(volumes()).contains("dvt-unit-b.qcow2");
        raw.storagePoolLookupByName(POOL).storageVolLookupByName("dvt-unit-b.qcow2").delete(0);
    }

    @Test
    void aDiskAnotherVmUsesIsNotOwnedAndSurvivesDelete() throws Exception {
        host.create(spec("dvt-unit-c", new VmSpec.Storage.NewDisk(0.1, POOL)), ProgressListener.NONE);
        String path = host.storage("dvt-unit-c").get(0).path();
        assertThatThrownBy(() -> host.create(spec("dvt-unit-d", new VmSpec.Storage.ImportDisk(path)), ProgressListener.NONE))
                .as("Duovirt refuses to give a VM a disk another uses").hasMessageContaining("is already used by VM 'dvt-unit-c'");
        // Defined behind Duovirt's back (virsh, another tool): the shared disk must still not count as d's own.
        raw.domainDefineXML("<domain type='test'><name>dvt-unit-d</name><memory>65536</memory><os><type>hvm</type></os><devices>"
                + "<disk type='file' device='disk'><source file='" + path + "'/><target dev='vda'/></disk></devices></domain>");

        assertThat(host.storage("dvt-unit-d")).singleElement().satisfies(item -> {
            assertThat(item.owned()).isFalse();
            assertThat(item.reason()).isEqualTo("VM 'dvt-unit-c' uses it too");
        });
        host.delete("dvt-unit-d", true);
        assertThat(volumes()).contains("dvt-unit-c.qcow2");
    }

    @Test
    void aRunningVmIsNotDeleted() {
        assertThatThrownBy(() -> host.delete("test", true))
                .isInstanceOf(DuovirtException.class)
                .hasMessage("VM 'test' is running; only a shut-off VM can be deleted.");
        assertThat(host.listVms(true)).extracting(VmSummary::name).contains("test");
    }

    @Test
    void impossibleSpecsAreRefusedBeforeAnythingIsMade() throws Exception {
        List<String> before = volumes();
        assertThatThrownBy(() -> host.create(spec("test", new VmSpec.Storage.NewDisk(0.1, POOL)), ProgressListener.NONE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("A VM named 'test' already exists on test:///default.");
        VmSpec kernel = new VmSpec("dvt-unit-k", 128, 1, new VmSpec.Storage.NewDisk(0.1, POOL),
                new VmSpec.Boot.Kernel("/nonexistent/vmlinuz", null, null), null, null, null, null, null);
        assertThatThrownBy(() -> host.create(kernel, ProgressListener.NONE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("The kernel '/nonexistent/vmlinuz' does not exist on test:///default.");
        assertThatThrownBy(() -> host.create(spec("two\nlines", new VmSpec.Storage.None()), ProgressListener.NONE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("control characters");
        assertThat(volumes()).isEqualTo(before);
        assertThat(host.listVms(true)).extracting(VmSummary::name).containsExactly("test");
    }

    @Test
    void aCancelledCreationRemovesTheDiskItMade() throws Exception {
        List<String> before = volumes();
        ProgressListener cancelAfterDisk = new CancelAfterDisk();

        assertThatThrownBy(() -> host.create(spec("dvt-unit-x", new VmSpec.Storage.NewDisk(0.1, POOL)), cancelAfterDisk))
                .hasMessage("Creating VM 'dvt-unit-x' was cancelled; nothing was kept.");
        assertThat(volumes()).isEqualTo(before);
        assertThat(host.listVms(true)).extracting(VmSummary::name).doesNotContain("dvt-unit-x");
    }

    @Test
    void aHostileNameIsDefinedExactly() {
        String name = DomainXmlWriterTest.HOSTILE;
        host.create(spec(name, new VmSpec.Storage.NewDisk(0.1, POOL)), ProgressListener.NONE);

        assertThat(host.listVms(true)).extracting(VmSummary::name).contains(name);
        assertThat(host.details(name).name()).isEqualTo(name);
        host.delete(name, true);
        assertThat(host.listVms(true)).extracting(VmSummary::name).doesNotContain(name);
    }

    @Test
    void aCloneGetsItsOwnDiskNameAndUuid() throws Exception {
        VmSummary source = host.create(spec("dvt-unit-src", new VmSpec.Storage.NewDisk(0.1, POOL)), ProgressListener.NONE);

        VmSummary clone = host.cloneVm("dvt-unit-src", "dvt-unit-clone", ProgressListener.NONE);

        assertThat(clone.name()).isEqualTo("dvt-unit-clone");
        assertThat(clone.uuid()).isNotEqualTo(source.uuid());
        assertThat(volumes()).contains("dvt-unit-src.qcow2", "dvt-unit-clone.qcow2");
        assertThat(host.storage("dvt-unit-clone")).singleElement().satisfies(item -> {
            assertThat(item.path()).endsWith("dvt-unit-clone.qcow2");
            assertThat(item.owned()).isTrue();
        });
        assertThatThrownBy(() -> host.cloneVm("dvt-unit-src", "dvt-unit-clone", ProgressListener.NONE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("A VM named 'dvt-unit-clone' already exists on test:///default.");
        assertThatThrownBy(() -> host.cloneVm("test", "dvt-unit-clone2", ProgressListener.NONE))
                .hasMessage("VM 'test' is running; only a shut-off VM can be cloned.");
    }

    @Test
    void theCloneDefinitionDropsIdentityAndRenamesOwnedDisks() {
        String xml = """
                <domain type='qemu' id='3'><name>a</name><uuid>u-1</uuid><metadata>
                <duovirt:vm xmlns:duovirt="https://duovirt.org/xmlns/libvirt/1"><duovirt:owned-disk path="/p/a.qcow2"/></duovirt:vm>
                </metadata><os><type>hvm</type><nvram>/n/a_VARS.fd</nvram></os><devices>
                <disk type='file' device='disk'><source file='/p/a.qcow2'/><target dev='vda'/></disk>
                <disk type='file' device='cdrom'><source file='/iso/x.iso'/><target dev='sda'/><readonly/></disk>
                <interface type='network'><mac address='52:54:00:aa:bb:cc'/><source network='default'/><target dev='vnet0'/></interface>
                </devices></domain>""";

        String out = VmCloner.rewrite(xml, "b & <c>", java.util.Map.of("/p/a.qcow2", "/p/b.qcow2"));

        DomainDescription d = DomainXmlReader.read(out);
        assertThat(d.name()).isEqualTo("b & <c>");
        assertThat(d.uuid()).isNull();
        assertThat(d.nvram()).isNull();
        assertThat(d.nics()).singleElement().satisfies(n -> assertThat(n.mac()).isNull());
        assertThat(d.disks()).extracting(x -> x.source()).containsExactly("/p/b.qcow2", "/iso/x.iso");
        assertThat(StorageOwnership.ownedDiskMetadata(out)).containsExactly("/p/b.qcow2");
        assertThat(out).doesNotContain("id=\"3\"");
    }

    @Test
    void snapshotsAreTakenListedRevertedAndDeleted() {
        host.createSnapshot("test", "before <update>", "a \"careful\" & safe point");
        host.createSnapshot("test", "after", null);

        assertThat(host.snapshots("test")).extracting(SnapshotInfo::name).containsExactlyInAnyOrder("before <update>", "after");
        assertThat(host.snapshots("test")).filteredOn(SnapshotInfo::current).extracting(SnapshotInfo::name).containsExactly("after");
        assertThat(host.snapshots("test")).filteredOn(s -> s.name().startsWith("before")).singleElement()
                .satisfies(s -> assertThat(s.description()).isEqualTo("a \"careful\" & safe point"));

        host.revertSnapshot("test", "before <update>");
        assertThat(host.snapshots("test")).filteredOn(SnapshotInfo::current).extracting(SnapshotInfo::name)
                .containsExactly("before <update>");
        host.deleteSnapshot("test", "after");
        host.deleteSnapshot("test", "before <update>");
        assertThat(host.snapshots("test")).isEmpty();
    }
}
