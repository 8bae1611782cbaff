package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.duovirt.core.testing.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's KVM findings, each through the CLI against the real system libvirtd (domain type qemu),
 * checked with virsh: what a typo or a hostile value does must be refused before libvirt sees it.
 */
class HardeningCliIT {
    private static final String URI = "qemu:///system";
    private static final String VM = "hard-bounds-" + ProcessHandle.current().pid();
    private static final String BIG = "hard-bigdisk-" + ProcessHandle.current().pid();
    private static final CliAgainst CLI = new CliAgainst(URI);

    @BeforeAll
    static void defineAStoppedVm() {
        CLI.ok("create", "--name", VM, "--memory", "64", "--vcpus", "1", "--virt-type", "qemu");
    }

    @AfterAll
    static void removeLeftovers() {
        for (String vm : List.of(VM, BIG)) {
            CliRun.of("delete", vm, "--storage", "-c", URI);
        }
    }

    private static String virsh(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("virsh", "-c", URI));
        argv.addAll(List.of(args));
        return Commands.ok(argv, Duration.ofMinutes(1)).strip();
    }

    private static String savedVcpus() {
        return virsh("vcpucount", VM, "--config", "--maximum");
    }

    @Test
    void setVcpusOfTwoBillionIsRefusedAgainstTheDomainCapabilitiesBeforeLibvirtSeesIt() {
        CliRun run = CLI.fails("set-vcpus", "--config", VM, "2147483647");
        assertThat(run.err()).contains("At most 255 vCPUs are possible for this VM on this host; 2147483647 was asked for.");
        CliRun over = CLI.fails("set-vcpus", "--config", VM, "4097");
        assertThat(over.err()).contains("At most 255 vCPUs");
        CLI.fails("set-vcpus", "--config", VM, "256");
        assertThat(savedVcpus()).isEqualTo("1");
        CLI.ok("set-vcpus", "--config", VM, "255");
        assertThat(savedVcpus()).isEqualTo("255");
        CLI.ok("set-vcpus", "--config", VM, "1");
    }

    @Test
    void setMemoryThatOverflowsKibIsRefusedAndNothingChanges() {
        String before = virsh("dominfo", VM);
        CliRun run = CLI.fails("set-memory", "--config", VM, "18014398509481985");
        assertThat(run.err()).contains("Memory of 18014398509481985 MiB is more than the host's");
        CLI.fails("set-memory", "--config", VM, String.valueOf(1L << 40)); // 1 EiB
        assertThat(virsh("dominfo", VM)).isEqualTo(before);
        assertThat(before).contains("65536 KiB");
    }

    @Test
    void createWithTwoBillionVcpusAndAPinFailsInOneSentenceWithoutAllocating() {
        CliRun run = CLI.fails("create", "--name", "hard-oom", "--memory", "64", "--vcpus", "2147483647",
                "--pin", "2147483646=0", "--virt-type", "qemu");
        assertThat(run.err()).contains("At most 4096 vCPUs");
        CliRun host = CLI.fails("create", "--name", "hard-oom", "--memory", "64", "--vcpus", "256", "--virt-type", "qemu");
        assertThat(host.err()).contains("At most 255 vCPUs are possible for this VM on this host; 256 was asked for.");
        assertThat(virsh("list", "--all", "--name")).doesNotContain("hard-oom");
    }

    @Test
    void statsIntervalsAndCountsOutsideSaneRangesAreRefusedAtOnce() {
        for (String[] args : List.of(new String[] {"--interval", "Infinity"}, new String[] {"--interval", "1e300"},
                new String[] {"--interval", "1e-9"}, new String[] {"--interval", "NaN"}, new String[] {"--count", "-1"})) {
            Instant start = Instant.now();
            CliRun run = CLI.fails("stats", args[0], args[1]);
            assertThat(run.err()).containsAnyOf("The interval must be between 0.1 and 86400 seconds",
                    "The count must be 0 (until interrupted) or more; -1 was given.");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aDiskLargerThanTheWholePoolIsRefusedUnlessTheUserInsists() {
        CliRun run = CLI.fails("create", "--name", BIG, "--memory", "64", "--disk", "1000000", "--virt-type", "qemu");
        assertThat(run.err()).contains("A new disk of 1000000.0 GiB is larger than all of pool 'default'")
                .contains("--overcommit-disk");
        assertThat(virsh("list", "--all", "--name")).doesNotContain(BIG);
        CliRun insisted = CLI.ok("create", "--name", BIG, "--memory", "64", "--disk", "1000000", "--virt-type", "qemu",
                "--overcommit-disk");
        assertThat(insisted.err()).contains("Warning: A new disk of 1000000.0 GiB is larger than all of pool 'default'");
        CLI.ok("delete", BIG, "--storage");
    }

    @Test
    void uriParametersThatRunAProgramAreRefusedAndTheProgramNeverRuns(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("ran");
        Path program = dir.resolve("program.sh");
        Files.writeString(program, "#!/bin/sh\ntouch " + marker + "\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        for (String uri : List.of("qemu+ext:///system?command=" + program, "qemu+ssh://localhost/system?command=" + program,
                "qemu+ssh://localhost/system?netcat=" + program, "qemu+ssh://localhost/system?no_verify=1")) {
            CliRun run = CliRun.of("list", "-c", uri);
            assertThat(run.exitCode()).as(uri).isEqualTo(1);
            assertThat(run.err()).as(uri).containsAnyOf("runs a program on this machine", "turns off a security check")
                    .contains("connection dialog's custom URI");
        }
        CliRun unknown = CliRun.of("list", "-c", "qemu:///system?evil=1");
        assertThat(unknown.err()).contains("has the parameter 'evil', which Duovirt does not pass to libvirt");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aPasswordInTheUriIsRefusedWithoutBeingPrinted() {
        CliRun run = CliRun.of("list", "-c", "qemu+ssh://root:s3cr3t-pw@localhost/system");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("holds a password").contains("SSH key").contains("root:***@localhost")
                .doesNotContain("s3cr3t-pw");
    }

    @Test
    void keyAndKnownHostsFilesMustBeAbsoluteRegularFiles() {
        CliRun zero = CliRun.of("list", "-c", "qemu+libssh2://localhost/system?known_hosts=/dev/zero");
        assertThat(zero.err()).contains("The known_hosts parameter '/dev/zero' is not a regular file.");
        CliRun relative = CliRun.of("list", "-c", "qemu+ssh://localhost/system?keyfile=id_rsa");
        assertThat(relative.err()).contains("The keyfile parameter must be an absolute path; 'id_rsa' is relative.");
    }

    @Test
    void pinOnAStoppedVmWithTheDefaultScopeChangesNothingAndSaysSo() {
        String before = virsh("vcpupin", VM, "--config");
        CliRun run = CLI.fails("pin", VM, "--vcpu", "0", "--cpus", "1");
        assertThat(run.err()).contains("VM '" + VM + "' is not running, so the pinning of vCPU 0 cannot change live; nothing was changed.")
                .contains("--config");
        assertThat(virsh("vcpupin", VM, "--config")).isEqualTo(before);
        CliRun memory = CLI.fails("set-memory", VM, "96");
        assertThat(memory.err()).contains("nothing was changed");
        assertThat(virsh("dominfo", VM)).contains("65536 KiB");
        CLI.ok("pin", VM, "--vcpu", "0", "--cpus", "1", "--config");
        assertThat(virsh("vcpupin", VM, "--config")).contains("0      1");
    }

    @Test
    void namesWithFormatOrSeparatorCharactersAndPathsWithANewlineAreRefused() {
        assertThat(CLI.fails("create", "--name", "hard-\u202eexe.txt", "--memory", "64", "--virt-type", "qemu").err())
                .contains("U+202E");
        assertThat(CLI.fails("create", "--name", "hard-\u2028x", "--memory", "64", "--virt-type", "qemu").err())
                .contains("U+2028");
        assertThat(CLI.fails("create", "--name", "hard-\u001b[31m", "--memory", "64", "--virt-type", "qemu").err())
                .contains("control characters");
        CliRun path = CLI.fails("create", "--name", "hard-path", "--memory", "64", "--virt-type", "qemu",
                "--kernel", "/etc/hostname\n/etc/passwd");
        assertThat(path.err()).contains("The kernel path '/etc/hostname\\n/etc/passwd' contains a control");
        assertThat(virsh("list", "--all", "--name")).doesNotContain("hard-\u202e").doesNotContain("hard-path");
    }

    @Test
    void aHostileNameDefinedBehindDuovirtsBackIsListedEscaped(@TempDir Path dir) throws Exception {
        String name = "hard-esc\r\u202eevil\u2028" + ProcessHandle.current().pid();
        Path xml = dir.resolve("d.xml");
        Files.writeString(xml, "<domain type='qemu'><name>hard-esc&#13;\u202eevil\u2028" + ProcessHandle.current().pid()
                + "</name><memory unit='MiB'>64</memory><os><type arch='x86_64'>hvm</type></os></domain>");
        virsh("define", xml.toString());
        try {
            String out = CLI.ok("list", "--all").out();
            assertThat(out).contains("hard-esc\\r\\u202eevil\\u2028" + ProcessHandle.current().pid())
                    .doesNotContain("\r").doesNotContain("\u202e");
        } finally {
            virsh("undefine", name);
        }
    }
}
