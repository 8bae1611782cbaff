package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.duovirt.core.testing.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code duovirt create --cloud-image … --ssh-key …} on the real libvirtd (qemu:///system, TCG): the dry run
 * refuses a file that is not an image, a missing one and hostile cloud-init values in one sentence; a real
 * creation makes a copy-on-write overlay on the image and a seed ISO labelled cidata whose user-data holds the
 * key, and delete --storage removes both and leaves the image.
 */
class CliCloudImageIT {
    private static final String URI = "qemu:///system";
    private static final Path IMAGES = Path.of("/var/lib/libvirt/images");
    private static final Path BASE = IMAGES.resolve("wiz-cli-cloud-base.qcow2");
    private static final Path NOT_IMAGE = IMAGES.resolve("wiz-cli-not-an-image.qcow2");
    private static final String VM = "wiz-cli-cloud-" + ProcessHandle.current().pid();
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3jwP0Jv5vN9Jk0AhbLxyzs1Ez4bq9JdG7y0qO8a1bC"
            + " wiz \"quoted\" $(id) #x: é";
    private static final CliAgainst CLI = new CliAgainst(URI);
    @TempDir
    static Path dir;
    private static Path keyFile;

    @BeforeAll
    static void images() throws Exception {
        tidy();
        Commands.ok(List.of("qemu-img", "create", "-q", "-f", "qcow2", BASE.toString(), "64M"), Duration.ofSeconds(30));
        Files.writeString(NOT_IMAGE, "#cloud-config\nthis is text, not a disk\n");
        keyFile = dir.resolve("id_ed25519.pub");
        Files.writeString(keyFile, "# a comment line\n" + KEY + "\n");
    }

    @AfterAll
    static void tidy() throws Exception {
        CliRun.of("destroy", VM, "-c", URI);
        CliRun.of("delete", VM, "--storage", "-c", URI);
        Files.deleteIfExists(BASE);
        Files.deleteIfExists(NOT_IMAGE);
        Commands.run(List.of("virsh", "-c", URI, "pool-refresh", "default"), Duration.ofSeconds(30));
    }

    @Test
    void theDryRunRefusesWhatIsNotAnImageAMissingOneAndHostileValues() {
        CliRun notImage = CLI.fails("create", "--name", VM, "--memory", "96", "--virt-type", "qemu", "--cloud-image", NOT_IMAGE.toString(),
                "--ssh-key", keyFile.toString(), "--dry-run");
        assertThat(notImage.err()).contains("is not a cloud image: it is neither qcow2 nor a raw disk with a partition table");
        CliRun missing = CLI.fails("create", "--name", VM, "--memory", "96", "--virt-type", "qemu", "--cloud-image",
                IMAGES.resolve("wiz-no-such.qcow2").toString(), "--ssh-key", keyFile.toString(), "--dry-run");
        assertThat(missing.err()).contains("does not exist");
        CliRun hostile = CLI.fails("create", "--name", VM, "--memory", "96", "--virt-type", "qemu", "--cloud-image", BASE.toString(),
                "--ssh-key", keyFile.toString(), "--user", "eve\n$(id)", "--hostname", "a host", "--dry-run");
        assertThat(hostile.err()).contains("The user name 'eve\\n$(id)' cannot be created").contains("is not a valid host name");
        CliRun noLogin = CLI.fails("create", "--name", VM, "--memory", "96", "--cloud-image", BASE.toString(), "--dry-run");
        assertThat(noLogin.err()).contains("nobody can log in");
        assertThat(virsh("list", "--all", "--name")).doesNotContain(VM);
    }

    @Test
    void aCloudImageVmGetsAnOverlayAndASeedAndDeleteRemovesBothButNotTheImage() throws Exception {
        CliRun preview = CLI.ok("create", "--name", VM, "--memory", "96", "--virt-type", "qemu", "--cloud-image", BASE.toString(),
                "--ssh-key", keyFile.toString(), "--user", "alice", "--dry-run");
        assertThat(preview.out()).contains("device=\"cdrom\"").contains(VM + "-cidata.iso");
        CLI.ok("create", "--name", VM, "--memory", "96", "--virt-type", "qemu", "--cloud-image", BASE.toString(),
                "--ssh-key", keyFile.toString(), "--user", "alice", "--disk", "0.125", "--start");
        assertThat(virsh("domstate", VM).strip()).isEqualTo("running");
        String seed = blk("cdrom");
        String disk = blk("disk");
        assertThat(seed).endsWith(VM + "-cidata.iso");
        String overlay = virsh("vol-dumpxml", disk);
        assertThat(overlay).contains("<backingStore>").contains("<path>" + BASE + "</path>").contains("<format type='qcow2'/>")
                .contains("<capacity unit='bytes'>134217728</capacity>");
        Path out = dir.resolve("seed");
        Commands.ok(List.of("xorriso", "-osirrox", "on", "-indev", seed, "-extract", "/", out.toString()), Duration.ofSeconds(60));
        assertThat(Files.readString(out.resolve("user-data"))).contains("name: \"alice\"")
                .contains("- \"" + KEY.replace("\"", "\\\"") + "\"");
        assertThat(Files.readString(out.resolve("meta-data"))).contains("local-hostname: \"" + VM + "\"");
        assertThat(Commands.ok(List.of("xorriso", "-indev", seed, "-pvd_info"), Duration.ofSeconds(30))).contains("Volume Id    : cidata");
        CLI.ok("destroy", VM);
        CliRun deleted = CLI.ok("delete", VM, "--storage");
        assertThat(deleted.out()).contains(disk).contains(seed);
        String volumes = virsh("vol-list", "default");
        assertThat(volumes).doesNotContain(VM);
        assertThat(BASE).as("the cloud image is never deleted with the VM").exists();
    }

    private static String blk(String device) {
        return virsh("domblklist", VM, "--details").lines().map(String::strip).filter(l -> l.split("\\s+").length == 4
                && l.split("\\s+")[1].equals(device)).map(l -> l.split("\\s+")[3]).findFirst().orElseThrow();
    }

    private static String virsh(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("virsh", "-c", URI));
        command.addAll(List.of(args));
        return Commands.ok(command, Duration.ofMinutes(2));
    }
}
