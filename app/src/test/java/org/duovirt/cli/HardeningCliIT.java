package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.duovirt.core.testing.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
}
