package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.pin.PinPlan;
import org.duovirt.core.spi.ProgressListener;
import org.duovirt.xen.transport.CommandResult;
import org.duovirt.xen.transport.CommandRunner;
import org.duovirt.xen.transport.RunningCommand;
import org.duovirt.core.ssh.TcpStream;
import org.junit.jupiter.api.Test;

/**
 * The commands a whole pin plan sends to a Xen host, and what a failure half-way sends to undo them, on real
 * xl output (golden files: xl info -n of the 2-node test host, xl list -v, xl vcpu-list of 'web server').
 * XenPinPlanIT runs the same against the real host.
 */
class XenPinPlansTest {
    private static final String CFG = """
            name = "web server"
            type = "pv"
            memory = 128
            vcpus = 3
            maxvcpus = 3
            cpus = [ "3", "0-3", "0,2-3" ]
            kernel = "/boot/vmlinuz"
            """;

    /** Answers xl and the config store from golden files, records every command, fails those it is told to. */
    static class ScriptedHost implements CommandRunner {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<String> written = new CopyOnWriteArrayList<>();
        String failing = "never";
        int failures = 1;

        @Override
        public String hostLabel() {
            return "root@test";
        }

        @Override
        public TcpStream openTcp(String host, int port) {
            throw new UnsupportedOperationException("no channels in a scripted host");
        }

        @Override
        public CommandResult run(List<String> argv, byte[] stdin, java.time.Duration timeout) {
            String line = String.join(" ", argv);
            if (argv.get(0).equals("sh") && line.contains("cat >")) {
                written.add(new String(stdin, StandardCharsets.UTF_8));
                sent.add("write " + argv.get(argv.size() - 1));
                return ok(argv, "");
            }
            if (argv.get(0).equals("sh") && line.contains("mkdir -p")) {
                sent.add("mkdir " + argv.get(argv.size() - 1));
                return ok(argv, "");
            }
            if (argv.get(0).equals("sh")) {
                return ok(argv, "C\0/etc/xen/duovirt/web server.cfg\0" + (written.isEmpty() ? CFG : written.get(written.size() - 1)) + "\0");
            }
            if (line.startsWith("xl info")) {
                return ok(argv, golden("xl-info-n-numa.txt"));
            }
            if (line.startsWith("xl list")) {
                return ok(argv, golden("xl-list-v.txt"));
            }
            if (line.startsWith("xl vcpu-list")) {
                return ok(argv, golden("xl-vcpu-list.txt"));
            }
            sent.add(line);
            if (line.startsWith(failing) && failures-- > 0) {
                return new CommandResult(argv, 1, "", "libxl: error: injected failure");
            }
            return ok(argv, "");
        }

        private static CommandResult ok(List<String> argv, String out) {
            return new CommandResult(argv, 0, out, "");
        }

        static String golden(String name) {
            try {
                return Files.readString(Path.of("src/test/resources/golden", name));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public RunningCommand openPty(List<String> argv) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RunningCommand openStream(List<String> argv) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public void onConnectionLost(Consumer<String> callback) {
        }

        @Override
        public void close() {
        }
    }

    private static XenPinPlans plans(ScriptedHost host) {
        return new XenPinPlans(new XenDomains(new Xl(host), new OwnedConfigStore(host)));
    }

    private static final PinPlan PLAN = new PinPlan(List.of(CpuSet.of(3), CpuSet.of(2), CpuSet.of(0, 2, 3)),
            List.of(CpuSet.of(2, 3), CpuSet.of(1, 2), CpuSet.of(0, 1, 2, 3)), null);

    @Test
    void onlyChangedVcpusArePinnedLiveThenTheCfgIsWrittenAndHandedToXl() {
        ScriptedHost host = new ScriptedHost();
        plans(host).apply("web server", PLAN, PinScope.both(), ProgressListener.NONE);
        // vCPU 0 has 3 / 2-3 already; vCPU 2's soft set changes from none
        assertThat(host.sent).containsExactly("xl vcpu-pin 3 1 2 1-2", "xl vcpu-pin 3 2 0,2-3 0-3",
                "mkdir /etc/xen/duovirt", "write /etc/xen/duovirt/web server.cfg",
                "xl config-update 3 /etc/xen/duovirt/web server.cfg");
        assertThat(host.written.get(0)).contains("cpus = [ \"3\", \"2\", \"0,2-3\" ]").contains("cpus_soft = [ \"2-3\", \"1-2\", \"0-3\" ]");
    }

    @Test
    void aFailedConfigUpdateWritesTheOldCfgBackAndUndoesTheLivePins() {
        ScriptedHost host = new ScriptedHost();
        host.failing = "xl config-update";
        assertThatThrownBy(() -> plans(host).apply("web server", PLAN, PinScope.both(), ProgressListener.NONE))
                .isInstanceOf(DuovirtException.class)
                .hasMessageStartingWith("Pinning 'web server' failed at the config /etc/xen/duovirt/web server.cfg")
                .hasMessageEndingWith("the 2 steps already applied were undone, so it keeps its old pins.");
        assertThat(host.sent).containsExactly("xl vcpu-pin 3 1 2 1-2", "xl vcpu-pin 3 2 0,2-3 0-3",
                "mkdir /etc/xen/duovirt", "write /etc/xen/duovirt/web server.cfg",
                "xl config-update 3 /etc/xen/duovirt/web server.cfg",
                // undo: the half-done cfg step first (old text back), then newest first; vCPU 2's soft set was
                // "none" (offline) and goes back to "all"
                "mkdir /etc/xen/duovirt", "write /etc/xen/duovirt/web server.cfg",
                "xl config-update 3 /etc/xen/duovirt/web server.cfg",
                "xl vcpu-pin 3 2 0,2-3 all", "xl vcpu-pin 3 1 0-3 0-3");
        assertThat(host.written.get(1)).isEqualTo(CFG);
    }

    @Test
    void aPlanForTheWrongVcpuCountOrWithCpusTheHostLacksSendsNothing() {
        ScriptedHost host = new ScriptedHost();
        PinPlan wrong = new PinPlan(List.of(CpuSet.of(7), CpuSet.of(1), CpuSet.of(1)), List.of(), null);
        assertThatThrownBy(() -> plans(host).apply("web server", wrong, PinScope.both(), ProgressListener.NONE))
                .hasMessage("vCPU 0 names CPU 7, which the host lacks (it has 0-3).");
        assertThat(host.sent).isEmpty();
    }

    @Test
    void thePreviewIsTheCfgLines() {
        assertThat(plans(new ScriptedHost()).preview("web server", PLAN))
                .isEqualTo("cpus = [ \"3\", \"2\", \"0,2-3\" ]\ncpus_soft = [ \"2-3\", \"1-2\", \"0-3\" ]\n");
    }
}
