package org.duovirt.cli;

import org.duovirt.core.testing.Repository;
import org.duovirt.core.testing.Commands;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The duovirt CLI end to end against the real system libvirtd with QEMU (TCG) and the tiny test guest:
 * every step goes through {@link Cli} exactly as a script would run it, and is checked with virsh.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliOnLibvirtIT {
    private static final String URI = "qemu:///system";
    private static final String VM = "dvt-it-cli-" + ProcessHandle.current().pid();
    private static final CliAgainst CLI = new CliAgainst(URI);
    private static Path guest;

    @BeforeAll
    static void buildGuest() throws Exception {
        guest = Repository.buildGuest(Path.of("/var/lib/libvirt/images/duovirt-test-cli"));
    }

    @AfterAll
    static void removeLeftovers() {
        CliRun.of("destroy", VM, "-c", URI);
        CliRun.of("delete", VM, "--storage", "-c", URI);
    }

    private static String virsh(String... argv) {
        return Commands.ok(java.util.List.of(argv), Duration.ofMinutes(2));
    }





    @Test
    @Order(1)
    void createsAndStartsAGuestWithANewDisk() throws Exception {
        JsonNode created = CLI.json("create", "--name", VM, "--memory", "96", "--vcpus", "2", "--disk", "0.05",
                "--kernel", guest.resolve("vmlinuz").toString(), "--initrd", guest.resolve("initrd.gz").toString(), "--cmdline", "console=ttyS0",
                "--virt-type", "qemu", "--start");
        assertThat(created.get("name").asText()).isEqualTo(VM);
        assertThat(created.get("state").asText()).isEqualTo("running");
        assertThat(created.get("vcpus").asInt()).isEqualTo(2);
        assertThat(virsh("virsh", "-c", URI, "domstate", VM).strip()).isEqualTo("running");
    }

    @Test
    @Order(2)
    void consoleShowsTheBannerAndEchoesInput() {
        // Attached within a second of the start; the guest needs about 5 s to print its banner.
        CliRun banner = CliRun.of("console", VM, "--wait-for", Repository.GUEST_BANNER, "--timeout", "120", "-c", URI);
        assertThat(banner.exitCode()).as(banner.err()).isZero();
        assertThat(banner.out()).contains(Repository.GUEST_BANNER);
        CliRun run = CliRun.withInput(new RetypedLine("hello-from-cli\n", Duration.ofSeconds(20), Duration.ofSeconds(100)),
                "console", VM, "--wait-for", "guest heard: hello-from-cli", "--timeout", "120", "-c", URI);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("guest heard: hello-from-cli");
    }

    @Test
    @Order(3)
    void statsShowCpuTimeGrowingWithinRange() throws Exception {
        JsonNode sample = CLI.json("stats", VM, "--interval", "1", "--count", "1");
        JsonNode vm = sample.get("vms").get(0);
        assertThat(vm.get("name").asText()).isEqualTo(VM);
        double cpu = vm.get("cpuPercent").asDouble();
        assertThat(cpu).isGreaterThan(0.0).isLessThanOrEqualTo(200.0 + 5);
        assertThat(vm.get("vcpuPercent")).hasSize(2);
        assertThat(sample.get("timestamp").asText()).isNotBlank();
    }

    @Test
    @Order(4)
    void pinsVcpuZeroLiveAndPersistentlyAndVirshAgrees() throws Exception {
        CLI.ok("pin", VM, "--vcpu", "0", "--cpus", "1");
        JsonNode pinning = CLI.json("pinning", VM);
        assertThat(pinning.get("vcpus").get(0).get("cpus").toString()).isEqualTo("[1]");
        assertThat(virsh("virsh", "-c", URI, "vcpupin", VM, "0", "--live")).containsPattern("0\\s+1\\s");
        assertThat(virsh("virsh", "-c", URI, "vcpupin", VM, "0", "--config")).containsPattern("0\\s+1\\s");
    }

    @Test
    @Order(5)
    void pauseResumeAndForceOff() throws Exception {
        CLI.ok("pause", VM);
        assertThat(CLI.stateOf(VM)).isEqualTo("paused");
        CLI.ok("resume", VM);
        assertThat(CLI.stateOf(VM)).isEqualTo("running");
        CLI.ok("destroy", VM);
        assertThat(CLI.stateOf(VM)).isEqualTo("shutoff");
    }

    @Test
    @Order(6)
    void shutdownPowersTheGuestOff() throws Exception {
        CLI.ok("start", VM);
        // The banner comes after the guest's acpid has started, so the power button is heard.
        CLI.ok("console", VM, "--wait-for", Repository.GUEST_BANNER, "--timeout", "120");
        CLI.ok("shutdown", VM);
        CLI.awaitState(VM, "shutoff", Duration.ofMinutes(2));
    }

    @Test
    @Order(7)
    void deleteWithStorageLeavesNoDomainAndNoVolume() throws Exception {
        String volumes = CLI.ok("storage", VM).out();
        assertThat(volumes).contains("removed");
        CLI.ok("delete", VM, "--storage");
        assertThat(CLI.stateOf(VM)).isEqualTo("absent");
        assertThat(virsh("virsh", "-c", URI, "vol-list", "default")).doesNotContain(VM);
    }
}
