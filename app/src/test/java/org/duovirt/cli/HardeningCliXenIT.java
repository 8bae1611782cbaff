package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.core.testing.XenTestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's Xen findings through the CLI against the shared Xen test host (xl+ssh://, see
 * {@link XenTestHosts}), checked with commands in dom0. VMs are defined, never started: xl keeps no
 * stopped VMs, so a defined VM is its owned config, and nothing here needs a guest to boot.
 */
class HardeningCliXenIT {
    private static final String VM = "hard-xen-" + ProcessHandle.current().pid();
    private static final String BIG = "hard-xenbig-" + ProcessHandle.current().pid();
    private static String uri;
    private static CliAgainst cli;

    @BeforeAll
    static void defineAStoppedVm() throws Exception {
        uri = XenTestHosts.uri();
        cli = new CliAgainst(uri);
        cli.ok("create", "--name", VM, "--memory", "64", "--vcpus", "1", "--disk", "0.01");
    }

    @AfterAll
    static void removeLeftovers() {
        if (uri != null) {
            for (String vm : List.of(VM, BIG)) {
                CliRun.of("delete", vm, "--storage", "-c", uri);
            }
        }
    }

    static String dom0(String script) throws Exception {
        return XenTestHosts.dom0(script).strip();
    }

    private static String cfg() throws Exception {
        return dom0("cat /etc/xen/duovirt/" + VM + ".cfg");
    }

    @Test
    void vcpusPastTheHostsPhysicalCpusAndOverflowingMemoryAreRefusedBeforeTheConfigIsWritten() throws Exception {
        String before = cfg();
        assertThat(cli.fails("set-vcpus", "--config", VM, "2147483647").err())
                .contains("At most 4 vCPUs are possible for this VM on this host; 2147483647 was asked for.");
        assertThat(cli.fails("set-vcpus", "--config", VM, "5").err()).contains("At most 4 vCPUs");
        assertThat(cli.fails("set-memory", "--config", VM, "18014398509481985").err())
                .contains("Memory of 18014398509481985 MiB is more than the host's");
        assertThat(cfg()).isEqualTo(before);
        cli.ok("set-vcpus", "--config", VM, "4");
        assertThat(cfg()).contains("vcpus = 4");
    }

    @Test
    void aDiskLargerThanTheImageFileSystemIsRefusedUnlessTheUserInsists() throws Exception {
        assertThat(cli.fails("create", "--name", BIG, "--memory", "64", "--vcpus", "1", "--disk", "1").err())
                .contains("A new disk of 1.0 GiB is larger than all of /var/lib/xen/duovirt/images");
        assertThat(dom0("ls /etc/xen/duovirt/ /var/lib/xen/duovirt/images/")).doesNotContain(BIG);
        CliRun insisted = cli.ok("create", "--name", BIG, "--memory", "64", "--vcpus", "1", "--disk", "1", "--overcommit-disk");
        assertThat(insisted.err()).contains("Warning: A new disk of 1.0 GiB is larger than all of");
        cli.ok("delete", BIG, "--storage");
    }
}
