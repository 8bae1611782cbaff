package org.duovirt.cli;

import org.duovirt.core.testing.XenTestHosts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The same CLI, unchanged, against a real Xen 4.17 dom0 over {@code xl+ssh://} (testing/xen-host under QEMU).
 * Everything inside runs 5–10× slower than native, hence the long waits.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliOnXenIT {
    private static final String VM = "dvt-it-clixen-" + ProcessHandle.current().pid();
    private static CliAgainst cli;
    /** Where testing/xen-host/build-image puts the tiny guest inside dom0. */
    private static final String GUEST_KERNEL = "/root/guest/vmlinuz";
    private static final String GUEST_INITRD = "/root/guest/initrd.gz";
    private static String uri;

    @BeforeAll
    static void host() throws Exception {
        uri = XenTestHosts.uri();
        cli = new CliAgainst(uri);
    }

    @AfterAll
    static void removeLeftovers() {
        if (uri != null) {
            CliRun.of("destroy", VM, "-c", uri);
            CliRun.of("delete", VM, "--storage", "-c", uri);
        }
    }




    @Test
    @Order(1)
    void hostShowsFourCpusInTwoNumaNodes() throws Exception {
        JsonNode host = cli.json("host");
        assertThat(host.get("hypervisor").asText()).isEqualTo("Xen");
        assertThat(host.get("topology").get("cpus").asInt()).isEqualTo(4);
        assertThat(host.get("topology").get("numaCells")).hasSize(2);
        assertThat(host.get("modes").toString()).contains("pv");
    }

    @Test
    @Order(2)
    void createsAndStartsAPvGuest() throws Exception {
        JsonNode vm = cli.json("create", "--name", VM, "--memory", "96", "--vcpus", "2", "--disk", "0.01",
                "--kernel", GUEST_KERNEL, "--initrd", GUEST_INITRD, "--cmdline", "console=hvc0",
                "--mode", "pv", "--start");
        assertThat(vm.get("name").asText()).isEqualTo(VM);
        assertThat(vm.get("state").asText()).isIn("running", "other");
        assertThat(cli.stateOf(VM)).isEqualTo("running");
    }

    @Test
    @Order(3)
    void consoleEchoesWhatIsTyped() {
        CliRun run = CliRun.withInput(new RetypedLine("hello-xen\n", Duration.ofSeconds(30), Duration.ofSeconds(150)),
                "console", VM, "--wait-for", "guest heard: hello-xen", "--timeout", "180", "-c", uri);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("guest heard: hello-xen");
    }

    @Test
    @Order(4)
    void statsReportTheGuest() throws Exception {
        JsonNode vm = cli.json("stats", VM, "--interval", "3", "--count", "1").get("vms").get(0);
        assertThat(vm.get("name").asText()).isEqualTo(VM);
        assertThat(vm.get("cpuPercent").asDouble()).isBetween(0.0, 200.0 + 5);
        assertThat(vm.get("vcpuPercent")).hasSize(2);
        assertThat(vm.get("memoryUsedMiB").asLong()).isBetween(64L, 128L);
    }

    @Test
    @Order(5)
    void pinsHardAndSoftAffinity() throws Exception {
        cli.ok("pin", VM, "--vcpu", "0", "--cpus", "1", "--soft", "0-1");
        JsonNode vcpu0 = cli.json("pinning", VM).get("vcpus").get(0);
        assertThat(vcpu0.get("cpus").toString()).isEqualTo("[1]");
        assertThat(vcpu0.get("softCpus").toString()).isEqualTo("[0,1]");
        assertThat(vcpu0.get("currentCpu").asInt()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void pauseResumeAndShutdown() throws Exception {
        cli.ok("pause", VM);
        assertThat(cli.stateOf(VM)).isEqualTo("paused");
        cli.ok("resume", VM);
        assertThat(cli.stateOf(VM)).isEqualTo("running");
        cli.ok("shutdown", VM);
        cli.awaitState(VM, "shutoff", Duration.ofMinutes(3));
    }

    @Test
    @Order(7)
    void deleteWithStorageRemovesTheVm() throws Exception {
        assertThat(cli.ok("storage", VM).out()).contains("removed");
        cli.ok("delete", VM, "--storage");
        assertThat(cli.stateOf(VM)).isEqualTo("absent");
    }
}
