package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The create options for cloud images and NICs on libvirt's test driver: the files they name are read here,
 * what is wrong is said in one sentence each, and a good spec previews the overlay, the seed and the NIC.
 */
class CloudImageOptionsTest {
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3jwP0Jv5vN9Jk0AhbLxyzs1Ez4bq9JdG7y0qO8a1bC t";
    @TempDir
    Path dir;

    @Test
    void cloudInitOptionsWithoutAnImageAndUnreadableOrEmptyFilesAreRefused() throws Exception {
        CliRun noImage = CliRun.of("create", "-c", "test:///default", "--dry-run", "--name", "wiz-c", "--memory", "64", "--user", "alice");
        assertThat(noImage.exitCode()).isEqualTo(1);
        assertThat(noImage.err()).contains("Cloud-init settings need a cloud image (--cloud-image).");
        CliRun missingKey = CliRun.of("create", "-c", "test:///default", "--dry-run", "--name", "wiz-c", "--memory", "64",
                "--cloud-image", "/nowhere.qcow2", "--ssh-key", dir.resolve("none.pub").toString());
        assertThat(missingKey.err()).contains("none.pub' is not a readable file on this machine.");
        Path empty = Files.writeString(dir.resolve("empty.pub"), "# only a comment\n");
        CliRun noKey = CliRun.of("create", "-c", "test:///default", "--dry-run", "--name", "wiz-c", "--memory", "64",
                "--cloud-image", "/nowhere.qcow2", "--ssh-key", empty.toString());
        assertThat(noKey.err()).contains("empty.pub' holds no key.");
        Path data = Files.writeString(dir.resolve("user-data"), "not a header\n");
        Path key = Files.writeString(dir.resolve("k.pub"), KEY + "\n");
        CliRun badData = CliRun.of("create", "-c", "test:///default", "--dry-run", "--name", "wiz-c", "--memory", "64",
                "--cloud-image", "/nowhere.qcow2", "--ssh-key", key.toString(), "--user-data", data.toString());
        assertThat(badData.err()).contains("The user-data file must start with #cloud-config or a script's #! line.");
    }

    @Test
    void aTextFileIsNotACloudImageAndARealOneIsPreviewedWithItsSeedAndNic() throws Exception {
        Path key = Files.writeString(dir.resolve("k.pub"), KEY + "\n");
        Path text = Files.writeString(dir.resolve("fake.qcow2"), "hello");
        CliRun fake = CliRun.of("create", "-c", "test:///default", "--dry-run", "--name", "wiz-c", "--memory", "64",
                "--cloud-image", text.toString(), "--ssh-key", key.toString());
        assertThat(fake.exitCode()).isEqualTo(1);
        assertThat(fake.err()).contains("is not a cloud image: it is neither qcow2 nor a raw disk with a partition table");
        byte[] mbr = new byte[1 << 20];
        mbr[510] = 0x55;
        mbr[511] = (byte) 0xAA;
        Path raw = Files.write(dir.resolve("disk.raw"), mbr);
        CliRun ok = CliRun.of("create", "-c", "test:///default", "--dry-run", "--name", "wiz-c", "--memory", "64",
                "--cloud-image", raw.toString(), "--ssh-key", key.toString(), "--network", "default", "--nic-model", "e1000",
                "--mac", "52:54:00:00:00:99");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("device=\"cdrom\"").contains("wiz-c-cidata.iso").contains("<model type=\"e1000\"/>")
                .contains("<mac address=\"52:54:00:00:00:99\"/>");
    }
}
