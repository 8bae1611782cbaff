package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.duovirt.core.cloudinit.CloudInitConfig;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSpecBuilder;
import org.duovirt.core.spi.ProgressListener;
import org.duovirt.core.testing.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cloud image on Xen, with xl's answers captured on the real host and every other command (the probe script, cp,
 * truncate, the seed's write) really run by sh on a temporary directory standing for dom0: the image is copied as the
 * VM's owned disk, the seed (built with xorriso) lies beside it 0600 with the user's key in its user-data, both are in
 * the cfg, and a failure at xl's check removes both and leaves the image as it was.
 */
class XenCloudImageTest {
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx8hZ6xZtJQ0m8n5gS1d3kC2oJ3r0vR8mYc5x1aB2Cd wizxen@test";
    @TempDir
    Path dir;
    private final Map<String, String> xl = new HashMap<>();

    private XenDomains domains() {
        xl.put("list -v", Golden.read("golden/xl-list-v.txt"));
        xl.put("list -l", Golden.read("golden/xl-list-l.json"));
        xl.put("info -n", Golden.read("golden/xl-info-n-numa.txt"));
        CapturedXlHost host = new CapturedXlHost(xl);
        return new XenDomains(new Xl(host), new OwnedConfigStore(host, dir.resolve("etc").toString(), dir.resolve("save").toString(),
                dir.resolve("images").toString()));
    }

    private static XenVmCreator creator(XenDomains domains) {
        return new XenVmCreator(domains, Set.of(VirtMode.PV, VirtMode.PVH), false, List.of("xenbr0"), new XenLimits(domains));
    }

    /** A raw disk as a cloud image is: a partition table's boot signature at byte 510. */
    private Path rawImage(long bytes) throws Exception {
        Path image = dir.resolve("cloud.raw");
        byte[] head = new byte[512];
        head[510] = 0x55;
        head[511] = (byte) 0xaa;
        Files.write(image, head);
        Commands.ok(List.of("truncate", "-s", Long.toString(bytes), image.toString()), Duration.ofSeconds(30));
        return image;
    }

    private static VmSpec spec(Path image, Double gib) {
        return new VmSpecBuilder().name("cloud vm").memoryMiB(64).vcpus(1).mode("pv").newDisk(gib, null)
                .cloudImage(image.toString(), new CloudInitConfig(null, "ada", null, List.of(KEY), null)).build();
    }

    @Test
    void theImageIsCopiedAsTheOwnedDiskAndTheSeedLiesBesideItWithTheKey() throws Exception {
        XenDomains domains = domains();
        Path image = rawImage(8 << 20);
        byte[] before = Files.readAllBytes(image);
        VmSpec spec = spec(image, 0.015625); // 16 MiB: larger than the image, so the copy grows
        assertThat(creator(domains).check(spec)).isEmpty();
        xl.put("-N create " + domains.store().configPath("cloud vm"), "");
        String preview = creator(domains).preview(spec);

        creator(domains).create(spec, ProgressListener.NONE);
        Path disk = dir.resolve("images/cloud_vm.img");
        Path seed = dir.resolve("images/cloud_vm-cidata.iso");
        assertThat(Files.size(disk)).isEqualTo(16 << 20);
        assertThat(Files.readAllBytes(image)).as("the image itself is never changed").isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(seed))).isEqualTo("rw-------");
        String cfg = Files.readString(Path.of(domains.store().configPath("cloud vm")));
        assertThat(cfg).isEqualTo(preview.replaceAll("uuid = \"[^\"]+\"", cfg.replaceAll("(?s).*(uuid = \"[^\"]+\").*", "$1")));
        assertThat(cfg).contains("format=raw,vdev=xvda,access=rw,target=" + disk)
                .contains("format=raw,vdev=xvdb,access=ro,devtype=cdrom,target=" + seed)
                .contains("# duovirt-owned-image = \"" + seed + "\"").contains("bootloader = \"pygrub\"");
        Path out = Files.createDirectory(dir.resolve("extracted"));
        Commands.ok(List.of("xorriso", "-osirrox", "on", "-indev", seed.toString(), "-extract", "/", out.toString()), Duration.ofSeconds(60));
        assertThat(Files.readString(out.resolve("user-data"), StandardCharsets.UTF_8)).contains(KEY).contains("ada");
        assertThat(Commands.ok(List.of("xorriso", "-indev", seed.toString(), "-pvd_info"), Duration.ofSeconds(60))).contains("cidata");

        XenStorage storage = new XenStorage(domains);
        assertThat(storage.storage("cloud vm")).filteredOn(i -> i.owned()).extracting(i -> i.path())
                .containsExactlyInAnyOrder(disk.toString(), seed.toString());
        storage.delete("cloud vm", true);
        assertThat(disk).doesNotExist();
        assertThat(seed).doesNotExist();
        assertThat(Files.readAllBytes(image)).isEqualTo(before);
    }

    @Test
    void aFailureAtXlsCheckRemovesTheDiskAndTheSeed() throws Exception {
        XenDomains domains = domains(); // no answer for "xl -N create": xl refuses the cfg
        Path image = rawImage(8 << 20);
        assertThatThrownBy(() -> creator(domains).create(spec(image, null), ProgressListener.NONE)).isInstanceOf(DuovirtException.class)
                .hasMessageStartingWith("xl refused the config of the new VM");
        try (Stream<Path> left = Files.list(dir.resolve("images"))) {
            assertThat(left).isEmpty();
        }
        assertThat(Files.exists(Path.of(domains.store().configPath("cloud vm")))).isFalse();
        assertThat(image).exists();
    }

    @Test
    void theDryRunRefusesAFileThatIsNoImageAQcow2WithoutQdiskAndAMissingOne() throws Exception {
        XenDomains domains = domains();
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a disk");
        Path qcow2 = dir.resolve("cloud.qcow2");
        Files.write(qcow2, new byte[] {'Q', 'F', 'I', (byte) 0xfb, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0});
        assertThat(creator(domains).check(spec(text, null))).extracting(SpecProblem::message).containsExactly("The file '" + text
                + "' is not a cloud image: it is neither qcow2 nor a raw disk with a partition table.");
        assertThat(creator(domains).check(spec(qcow2, null))).extracting(SpecProblem::message).singleElement().asString()
                .startsWith("The disk '" + qcow2 + "' is a qcow2 image, but dom0 has no QEMU (qdisk)");
        assertThat(creator(domains).check(spec(dir.resolve("gone.img"), null))).extracting(SpecProblem::message)
                .containsExactly("The cloud image '" + dir.resolve("gone.img") + "' does not exist on dom0.");
        assertThat(XenCloudImage.parseProbe("qcow2 1048576\n")).isEqualTo(new XenCloudImage.Probe("qcow2", 1048576, false));
    }
}
