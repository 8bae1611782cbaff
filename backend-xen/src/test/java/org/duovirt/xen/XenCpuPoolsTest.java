package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.error.VmNotFoundException;
import org.duovirt.core.model.CpuPool;
import org.duovirt.xen.XenPinPlansTest.ScriptedHost;
import org.duovirt.xen.config.XlConfigReader;
import org.duovirt.xen.transport.CommandResult;
import org.junit.jupiter.api.Test;

/**
 * What a cpupool move sends to a Xen host, on real xl output (golden: cpupool-list of a host split into Pool-0
 * 0,1 / Pool-node1 2-3 / an empty pool, and xl list -c with 'web server' in Pool-node1): the live move, the
 * cfg's pool= line through the config writer, and the move back when the cfg cannot be changed.
 * XenPinPlanIT checks the same on the real host, with a destroy + create.
 */
class XenCpuPoolsTest {
    private static final String CFG_PATH = "/etc/xen/duovirt/web server.cfg";

    /** The scripted host, also answering the cpupool listings; 'web server' stops when told to. */
    static final class PoolHost extends ScriptedHost {
        boolean stopped;

        @Override
        public CommandResult run(List<String> argv, byte[] stdin, Duration timeout) {
            String line = String.join(" ", argv);
            if (line.equals("xl cpupool-list -c")) {
                return new CommandResult(argv, 0, golden("xl-cpupool-list-c.txt"), "");
            }
            if (line.equals("xl cpupool-list")) {
                return new CommandResult(argv, 0, golden("xl-cpupool-list.txt"), "");
            }
            if (line.startsWith("xl list -c")) {
                return new CommandResult(argv, 0, withoutWeb(golden("xl-list-c.txt")), "");
            }
            if (line.startsWith("xl list")) {
                return new CommandResult(argv, 0, withoutWeb(golden("xl-list-v.txt")), "");
            }
            return super.run(argv, stdin, timeout);
        }

        private String withoutWeb(String listing) {
            return stopped ? listing.lines().filter(l -> !l.startsWith("web server")).collect(Collectors.joining("\n", "", "\n"))
                    : listing;
        }
    }

    private static XenCpuPools pools(ScriptedHost host) {
        return new XenCpuPools(new XenDomains(new Xl(host), new OwnedConfigStore(host)));
    }

    @Test
    void aRunningOwnedVmMovesLiveThenItsCfgGetsThePoolAndGoesToXl() {
        PoolHost host = new PoolHost();
        pools(host).move("web server", "Pool-0");
        assertThat(host.sent).containsExactly("xl cpupool-migrate 3 Pool-0", "mkdir /etc/xen/duovirt", "write " + CFG_PATH,
                "xl config-update 3 " + CFG_PATH);
        assertThat(host.written.get(0)).contains("pool = \"Pool-0\"\n");
        assertThat(XlConfigReader.read(host.written.get(0)).cpus()).hasSize(3); // the rest of the cfg is kept
    }

    @Test
    void whenTheCfgCannotBeHandedToXlTheOldCfgIsWrittenBackAndTheVmMovesBack() {
        PoolHost host = new PoolHost();
        host.failing = "xl config-update";
        assertThatThrownBy(() -> pools(host).move("web server", "Pool-0"))
                .isInstanceOf(DuovirtException.class)
                .hasMessageStartingWith("Could not move 'web server' to cpupool 'Pool-0': its config could not be changed (")
                .hasMessageEndingWith("so it was moved back to 'Pool-node1'.");
        assertThat(host.sent).containsExactly("xl cpupool-migrate 3 Pool-0", "mkdir /etc/xen/duovirt", "write " + CFG_PATH,
                "xl config-update 3 " + CFG_PATH,
                "mkdir /etc/xen/duovirt", "write " + CFG_PATH, "xl config-update 3 " + CFG_PATH,
                "xl cpupool-migrate 3 Pool-node1");
        assertThat(host.written.get(1)).doesNotContain("pool =");
    }

    @Test
    void aStoppedOwnedVmOnlyHasItsCfgChanged() {
        PoolHost host = new PoolHost();
        host.stopped = true;
        pools(host).move("web server", "Pool-node1");
        assertThat(host.sent).containsExactly("mkdir /etc/xen/duovirt", "write " + CFG_PATH);
        assertThat(host.written.get(0)).contains("pool = \"Pool-node1\"\n");
    }

    @Test
    void aDomainDuovirtDidNotCreateIsMovedLiveOnly() {
        PoolHost host = new PoolHost();
        pools(host).move("paused-one", "Pool-node1");
        assertThat(host.sent).containsExactly("xl cpupool-migrate 4 Pool-node1");
    }

    @Test
    void anUnknownOrEmptyPoolAndAnUnknownVmAreRefusedBeforeAnythingIsSent() {
        PoolHost host = new PoolHost();
        assertThatThrownBy(() -> pools(host).move("web server", "Pool-9\n$(id)"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("There is no cpupool 'Pool-9\n$(id)' on root@test; it has Pool-0, Pool-node1, empty.");
        assertThatThrownBy(() -> pools(host).move("web server", "empty"))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("has no CPUs");
        assertThatThrownBy(() -> pools(host).move("nobody", "Pool-0")).isInstanceOf(VmNotFoundException.class);
        assertThat(host.sent).isEmpty();
    }

    @Test
    void aVmAlreadyInThePoolWithItInItsCfgIsLeftAlone() {
        PoolHost host = new PoolHost();
        pools(host).move("web server", "Pool-node1");
        assertThat(host.sent).containsExactly("mkdir /etc/xen/duovirt", "write " + CFG_PATH, "xl config-update 3 " + CFG_PATH);
        host.sent.clear();
        pools(host).move("web server", "Pool-node1");
        assertThat(host.sent).isEmpty();
    }

    @Test
    void aStoppedVmIsListedInThePoolItsCfgWillCreateItIn() {
        PoolHost host = new PoolHost();
        assertThat(pools(host).pools()).extracting(CpuPool::name, CpuPool::vms).containsExactly(
                tuple("Pool-0", List.of("paused-one")), tuple("Pool-node1", List.of("web server")), tuple("empty", List.of()));
        host.stopped = true;
        // no pool= line: xl's default pool
        assertThat(pools(host).pools().get(0).vms()).containsExactly("paused-one", "web server");
        pools(host).move("web server", "Pool-node1");
        assertThat(pools(host).pools()).extracting(CpuPool::name, CpuPool::vms).containsExactly(
                tuple("Pool-0", List.of("paused-one")), tuple("Pool-node1", List.of("web server")), tuple("empty", List.of()));
    }
}
