package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.duovirt.core.testing.XenTestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's host views on the real Xen test host: the dom0 bridges with the owned VMs on each, and the owned
 * image directory as a pool with its files and the VMs using them. The VM is only defined (no xl create).
 */
class CliDetailsOnXenIT {
    private static final String VM = "det-xen-" + ProcessHandle.current().pid();
    private static String uri;
    private static CliAgainst cli;

    @BeforeAll
    static void defineAnOwnedVmOnTheBridge() throws Exception {
        uri = XenTestHosts.uri();
        cli = new CliAgainst(uri);
        cli.ok("create", "--name", VM, "--memory", "64", "--vcpus", "1", "--disk", "0.01", "--kernel", "/root/guest/vmlinuz",
                "--initrd", "/root/guest/initrd.gz", "--cmdline", "console=hvc0", "--mode", "pv", "--network", "xenbr0");
    }

    @AfterAll
    static void remove() {
        if (uri != null) {
            CliRun.of("delete", VM, "--storage", "-c", uri);
        }
    }

    @Test
    void theBridgeListsTheVmWhoseNicSitsOnIt() throws Exception {
        JsonNode bridge = null;
        for (JsonNode n : cli.json("networks")) {
            if (n.get("name").asText().equals("xenbr0")) {
                bridge = n;
            }
        }
        assertThat(bridge).as("xenbr0 in %s", cli.ok("networks").out()).isNotNull();
        assertThat(bridge.get("mode").asText()).isEqualTo("bridge");
        assertThat(bridge.get("vms").toString()).contains(VM);
    }

    @Test
    void theImageDirectoryIsAPoolWithItsSpaceAndTheVmsDiskInIt() throws Exception {
        JsonNode pool = cli.json("pools").get(0);
        assertThat(pool.get("name").asText()).isEqualTo("/var/lib/xen/duovirt/images");
        long capacity = pool.get("capacityBytes").asLong();
        assertThat(capacity).isPositive();
        assertThat(pool.get("allocationBytes").asLong() + pool.get("availableBytes").asLong()).isLessThanOrEqualTo(capacity);
        JsonNode mine = null;
        for (JsonNode v : cli.json("vols", "/var/lib/xen/duovirt/images")) {
            if (v.get("usedBy").toString().contains(VM)) {
                mine = v;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("name").asText()).startsWith(VM);
        // --disk 0.01 GiB: a sparse file of about 10 MiB with (almost) nothing allocated.
        assertThat(mine.get("capacityBytes").asLong()).isBetween(10L << 20, 11L << 20);
        CliRun wrongPool = CliRun.of("vols", "default", "-c", uri);
        assertThat(wrongPool.exitCode()).isEqualTo(1);
        assertThat(wrongPool.err()).contains("There is no storage pool 'default'");
    }

    // --- details: hardware list (issue 10) ---
    @Test
    void theHardwareListOfAnOwnedVmComesFromItsCfg() throws Exception {
        JsonNode hw = cli.json("hardware", VM);
        assertThat(hw.get("kernel").asText()).isEqualTo("/root/guest/vmlinuz");
        assertThat(hw.get("initrd").asText()).isEqualTo("/root/guest/initrd.gz");
        assertThat(hw.get("cmdline").asText()).isEqualTo("console=hvc0");
        assertThat(hw.get("maxMemoryMiB").asLong()).isEqualTo(64);
        assertThat(hw.get("bootOrder")).isEmpty();
        JsonNode disk = hw.get("devices").get(0);
        assertThat(disk.get("kind").asText()).isEqualTo("disk");
        assertThat(disk.get("settings").get("source").asText()).startsWith("/var/lib/xen/duovirt/images/" + VM);
        JsonNode nic = null;
        for (JsonNode d : hw.get("devices")) {
            if (d.get("kind").asText().equals("nic")) {
                nic = d;
            }
        }
        assertThat(nic).as(hw.toString()).isNotNull();
        assertThat(nic.get("settings").get("network").asText()).isEqualTo("xenbr0");
    }
}
