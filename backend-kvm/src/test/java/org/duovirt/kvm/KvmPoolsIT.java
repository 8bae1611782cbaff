package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.PoolSpec;
import org.duovirt.core.model.PoolTypeSupport;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.testing.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Storage pools on the real libvirtd (qemu:///system), checked with virsh: a dir pool built under a kvmpools- temp
 * dir below /var/lib/libvirt/images (a hostile name in the path), a volume in it, stop/start, autostart on/off,
 * delete refused while a shut-off guest defined here uses the volume, then deleted with confirmation and its
 * emptied directory removed; a taken name, a file as target and a relative target refused in one sentence.
 */
class KvmPoolsIT {
    private static final String PREFIX = "kvmpools-";
    private static final String POOL = PREFIX + "it-" + ProcessHandle.current().pid();
    private static final String VM = PREFIX + "vm-" + ProcessHandle.current().pid();
    private static Path base;
    private static Path target;
    private static HostConnection host;

    @BeforeAll
    static void connect() throws Exception {
        base = Files.createTempDirectory(Path.of("/var/lib/libvirt/images"), PREFIX);
        target = base.resolve("pool 'q' $(x) ü");
        host = Backends.installed().connect(LiveHost.URI);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (host != null) {
            host.close();
        }
        quietly("destroy", VM);
        quietly("undefine", VM);
        for (String name : LiveHost.virsh("pool-list", "--all", "--name").lines().map(String::strip).toList()) {
            if (name.startsWith(PREFIX)) {
                quietly("pool-destroy", name);
                quietly("pool-undefine", name);
            }
        }
        try (var walk = Files.walk(base)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void quietly(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("virsh", "-c", LiveHost.URI));
        command.addAll(List.of(args));
        Commands.run(command, Duration.ofMinutes(1));
    }

    @Test
    void aDirPoolLivesThroughCreateVolumeStopStartAutostartAndDelete() throws Exception {
        assertThat(host.poolTypes()).filteredOn(PoolTypeSupport::supported).extracting(PoolTypeSupport::type)
                .contains(PoolSpec.Type.DIR, PoolSpec.Type.FS, PoolSpec.Type.NETFS, PoolSpec.Type.LOGICAL);

        long t0 = System.nanoTime();
        PoolInfo created = host.createPool(new PoolSpec(POOL, PoolSpec.Type.DIR, target.toString(), null, null, true, true, true));
        System.out.printf("pool create (define+build+start+autostart): %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(created.active()).isTrue();
        assertThat(created.autostart()).isTrue();
        assertThat(created.path()).isEqualTo(target.toString());
        assertThat(Files.isDirectory(target)).isTrue();
        assertThat(LiveHost.virsh("pool-list", "--all", "--name")).contains(POOL);
        assertThat(LiveHost.virsh("pool-dumpxml", POOL)).contains("<path>" + target.toString().replace("'", "&apos;") + "</path>")
                .contains("type='dir'");

        host.createVolume(POOL, "disk.qcow2", 1 << 20, "qcow2");
        assertThat(LiveHost.virsh("vol-list", POOL)).contains("disk.qcow2");

        host.stopPool(POOL);
        assertThat(LiveHost.virsh("pool-info", POOL)).containsPattern("State:\\s+inactive");
        host.startPool(POOL);
        assertThat(LiveHost.virsh("pool-info", POOL)).containsPattern("State:\\s+running");
        host.setPoolAutostart(POOL, false);
        assertThat(LiveHost.virsh("pool-info", POOL)).containsPattern("Autostart:\\s+no");
        host.setPoolAutostart(POOL, true);
        assertThat(LiveHost.virsh("pool-info", POOL)).containsPattern("Autostart:\\s+yes");
        host.refreshPool(POOL);

        defineGuestUsing(target.resolve("disk.qcow2"));
        assertThatThrownBy(() -> host.deletePool(POOL, false, false)).isInstanceOf(DuovirtException.class)
                .hasMessage("Storage pool '" + POOL + "' holds disks of VM '" + VM + "'; it was not deleted.");
        assertThat(LiveHost.virsh("pool-list", "--all", "--name")).contains(POOL);
        assertThatThrownBy(() -> host.deletePool(POOL, true, true)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("still holds disk.qcow2");
        assertThat(LiveHost.virsh("pool-info", POOL)).containsPattern("State:\\s+running");

        host.deleteVolume(POOL, "disk.qcow2", true);
        host.deletePool(POOL, true, true);
        assertThat(LiveHost.virsh("pool-list", "--all", "--name")).doesNotContain(POOL);
        assertThat(Files.exists(target)).isFalse();
    }

    @Test
    void aTakenNameAFileAsTargetAndARelativeTargetAreRefusedAndLeaveNothing() throws Exception {
        assertThatThrownBy(() -> host.createPool(PoolSpec.dir("default", base.resolve("x").toString())))
                .isInstanceOf(InvalidSpecException.class).hasMessage("A storage pool named 'default' already exists on qemu:///system.");
        Path file = Files.writeString(base.resolve("a file"), "not a directory");
        String name = POOL + "-file";
        assertThatThrownBy(() -> host.createPool(PoolSpec.dir(name, file.toString())))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("exists and is not a directory");
        assertThatThrownBy(() -> host.createPool(PoolSpec.dir(name, "relative/dir")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("is relative");
        assertThatThrownBy(() -> host.createPool(PoolSpec.dir("bad\nname", base.resolve("y").toString())))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("cannot name a pool");
        assertThat(LiveHost.virsh("pool-list", "--all", "--name")).doesNotContain(name);
    }

    /** A shut-off guest whose only disk is the pool's volume: enough for the in-use check, nothing runs. */
    private static void defineGuestUsing(Path disk) throws Exception {
        XmlOut x = new XmlOut();
        x.start("domain").attr("type", "qemu");
        x.textElement("name", VM);
        x.textElement("memory", "65536", "unit", "KiB");
        x.start("os").textElement("type", "hvm", "arch", "x86_64", "machine", "pc").end();
        x.start("devices");
        x.start("disk").attr("type", "file").attr("device", "disk");
        x.empty("driver", "name", "qemu", "type", "qcow2");
        x.empty("source", "file", disk.toString());
        x.empty("target", "dev", "vda", "bus", "virtio");
        x.end();
        x.end();
        x.end();
        Path xml = Files.writeString(base.resolve("vm.xml"), x.toString());
        LiveHost.virsh("define", xml.toString());
    }
}
