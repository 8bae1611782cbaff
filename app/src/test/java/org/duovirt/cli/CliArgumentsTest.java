package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the CLI rejects before it touches any host: one line on stderr, exit code 1. */
class CliArgumentsTest {
    @Test
    void conflictingDiskOptionsAreRefusedInOneLine() {
        CliRun run = CliRun.of("create", "--name", "x", "--memory", "64", "--disk", "1", "--import", "/a");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("duovirt: Give either a new disk or an existing one to import, not both.");
    }

    @Test
    void badCpuListNamesTheBadItem() {
        CliRun run = CliRun.of("pin", "vm", "--vcpu", "0", "--cpus", "0-x");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("'0-x'").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void pinNeedsExactlyOneTarget() {
        CliRun run = CliRun.of("pin", "vm", "--cpus", "1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("exactly one of --vcpu N and --emulator");
    }

    @Test
    void pinOfANonexistentVcpuIndexIsRefused() {
        CliRun run = CliRun.of("create", "--name", "x", "--memory", "64", "--vcpus", "2", "--pin", "5=1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("vCPUs 0-1");
    }

    @Test
    void unknownModeIsExplained() {
        CliRun run = CliRun.of("create", "--name", "x", "--memory", "64", "--virt-type", "vmware");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("kvm, qemu, pv, pvh, hvm");
    }

    @Test
    void unknownSubcommandPointsToHelp() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains("frobnicate").contains("(see 'duovirt --help')");
    }

    @Test
    void missingRequiredOptionIsOneLineNamingTheSubcommandHelp() {
        CliRun run = CliRun.of("create", "--name", "x");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains("--memory").contains("(see 'duovirt create --help')");
    }

    @Test
    void uriWithoutBackendIsOneClearLine() {
        CliRun run = CliRun.of("list", "--connect", "vmware://esx/");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains("No backend handles 'vmware' URIs");
    }
}
