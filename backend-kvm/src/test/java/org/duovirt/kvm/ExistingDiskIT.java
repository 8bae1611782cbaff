package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An existing volume or file as a new VM's disk, and a raw new disk, on the real libvirtd: the format written is
 * the disk's own, the dry run refuses a disk another VM uses (naming it) and a missing file, and delete with
 * storage keeps the existing disk. Names carry this suite's own prefix; it removes only what it made.
 */
class ExistingDiskIT {
    private static final String PREFIX = "wizard2-edisk-";
    private static HostConnection host;
    private static Path[] guest;

    @BeforeAll
    static void connect() {
        cleanUp();
        guest = LiveHost.guest();
        host = Backends.installed().connect(LiveHost.URI);
    }

    @AfterAll
    static void close() {
        if (host != null) {
            host.close();
        }
        cleanUp();
    }

    private static VmSpec spec(String name, VmSpec.Storage storage) {
        return new VmSpec(name, 64, 1, storage, new VmSpec.Boot.Kernel(guest[0].toString(), guest[1].toString(), "console=ttyS0"),
                null, VirtMode.QEMU, null, null, null);
    }

    private static String volume(String name, String format) {
        LiveHost.virsh("vol-create-as", "default", name, "16M", "--format", format);
        return LiveHost.virsh("vol-path", "--pool", "default", name).strip();
    }

    @Test
    void anExistingQcow2VolumeIsAttachedAsQcow2AndDeleteWithStorageKeepsIt() {
        String path = volume(PREFIX + "q.qcow2", "qcow2");
        String vm = PREFIX + "q";
        assertThat(host.check(spec(vm, new VmSpec.Storage.ImportDisk(path)))).isEmpty();
        assertThat(host.preview(spec(vm, new VmSpec.Storage.ImportDisk(path)))).contains("type=\"qcow2\"").contains(path);
        host.create(spec(vm, new VmSpec.Storage.ImportDisk(path)), ProgressListener.NONE);
        String xml = LiveHost.virsh("dumpxml", vm);
        assertThat(xml).contains("<driver name='qemu' type='qcow2'/>").contains("<source file='" + path + "'");
        assertThat(host.storage(vm)).singleElement().satisfies(item -> {
            assertThat(item.owned()).isFalse();
            assertThat(item.reason()).isEqualTo("it was imported, not created for this VM");
        });
        host.delete(vm, true);
        assertThat(LiveHost.domainNames()).doesNotContain(vm);
        assertThat(LiveHost.defaultPoolVolumes()).as("the existing volume outlives the VM").contains(PREFIX + "q.qcow2");
    }

    @Test
    void theDryRunRefusesADiskAnotherVmUsesNamingItAndAMissingFile() {
        String path = volume(PREFIX + "shared.raw", "raw");
        String owner = PREFIX + "owner \"<$(x)>\"";
        host.create(spec(owner, new VmSpec.Storage.ImportDisk(path)), ProgressListener.NONE);
        List<SpecProblem> problems = host.check(spec(PREFIX + "second", new VmSpec.Storage.ImportDisk(path)));
        assertThat(problems).containsExactly(new SpecProblem(SpecField.STORAGE, "The disk '" + path + "' is already used by VM '"
                + owner + "' on qemu:///system; choose another or clone it."));
        String missing = "/var/lib/libvirt/images/" + PREFIX + "nowhere.img";
        assertThat(host.check(spec(PREFIX + "third", new VmSpec.Storage.ImportDisk(missing)))).extracting(SpecProblem::message)
                .containsExactly("The disk image '" + missing + "' does not exist on qemu:///system.");
        assertThat(host.check(spec(PREFIX + "fourth", new VmSpec.Storage.ImportDisk("/var/lib/libvirt")))).extracting(SpecProblem::message)
                .containsExactly("The disk image '/var/lib/libvirt' is a folder, not a disk image.");
        host.delete(owner, true);
        assertThat(LiveHost.defaultPoolVolumes()).contains(PREFIX + "shared.raw");
    }

    @Test
    void aRawNewDiskIsARawVolumeAndIsTheVmsOwn() {
        String vm = PREFIX + "newraw";
        host.create(spec(vm, new VmSpec.Storage.NewDisk(0.03, null, false, "raw")), ProgressListener.NONE);
        String disk = LiveHost.virsh("domblklist", vm, "--details").lines().map(String::strip).filter(l -> l.startsWith("file"))
                .map(l -> l.split("\\s+")[3]).findFirst().orElseThrow();
        assertThat(disk).endsWith(".raw");
        assertThat(LiveHost.virsh("vol-dumpxml", disk)).contains("<format type='raw'/>");
        assertThat(LiveHost.virsh("dumpxml", vm)).contains("<driver name='qemu' type='raw'/>");
        host.delete(vm, true);
        assertThat(LiveHost.defaultPoolVolumes()).noneMatch(v -> v.startsWith(PREFIX + "newraw"));
    }

    private static void cleanUp() {
        for (String name : LiveHost.domainNames()) {
            if (name.startsWith(PREFIX)) {
                LiveHost.run(List.of("virsh", "-c", LiveHost.URI, "undefine", name));
            }
        }
        for (String volume : LiveHost.defaultPoolVolumes()) {
            if (volume.startsWith(PREFIX)) {
                LiveHost.virsh("vol-delete", "--pool", "default", volume);
            }
        }
    }
}
