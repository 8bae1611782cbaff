package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connect check's script as sh runs it, with an {@code xl} of the test's own first on the PATH. */
class XenCheckScriptTest {
    @TempDir
    Path bin;

    private record Run(int exit, String out, String err) {
    }

    private Run check(String xl) throws Exception {
        Path fake = bin.resolve("xl");
        Files.writeString(fake, "#!/bin/sh\n" + xl);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", XenBackend.CHECK_SCRIPT);
        pb.environment().put("PATH", bin + ":" + pb.environment().get("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    @Test
    void onADom0ItPrintsTheDomainsThenTheMarkThenTheDeviceModelsFound() throws Exception {
        Path listing = bin.resolve("list.txt");
        Files.writeString(listing, Golden.read("golden/xl-list-v.txt"));
        Run run = check("[ \"$1 $2\" = 'list -v' ] && exec cat " + listing + "\necho 'xl info must not run when xl list works' >&2; exit 9\n");
        assertThat(run.exit()).as(run.err()).isZero();
        int mark = run.out().lastIndexOf(XenBackend.DEVICE_MODEL + "\n");
        assertThat(mark).isPositive();
        assertThat(XenDomains.guests(run.out().substring(0, mark))).extracting(r -> r.name())
                .containsExactly("web server", "paused-one", "5", "going", "broken");
        // What follows the mark is the device models this machine has: each an executable, the usual one if present.
        var models = run.out().substring(mark + XenBackend.DEVICE_MODEL.length() + 1).lines().toList();
        assertThat(models).allMatch(m -> Files.isExecutable(Path.of(m)));
        assertThat(models.contains("/usr/bin/qemu-system-i386")).isEqualTo(Files.isExecutable(Path.of("/usr/bin/qemu-system-i386")));
    }

    @Test
    void whenXlListFailsItIsXlInfosExitCodeAndStderrAsBefore() throws Exception {
        Run run = check("[ \"$1\" = info ] && { echo \"Can't find hypervisor information in sysfs!\" >&2; exit 3; }\n"
                + "echo 'xencall: error: Could not obtain handle on privileged command interface' >&2; exit 1\n");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("Can't find hypervisor information in sysfs!\n");
        assertThat(run.out()).isEmpty();
        Run odd = check("[ \"$1\" = info ] && exit 0\nexit 1\n");
        assertThat(odd.exit()).as("xl info works, xl list does not").isEqualTo(1);
        assertThat(odd.err()).contains("xl list -v failed");
    }
}
