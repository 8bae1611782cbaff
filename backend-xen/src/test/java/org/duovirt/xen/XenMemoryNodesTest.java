package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.duovirt.xen.XenPinPlansTest.ScriptedHost;
import org.duovirt.xen.transport.CommandResult;
import org.junit.jupiter.api.Test;

/**
 * Where a running domain's memory lies, read from the NUMA dump of the real test host (golden/xl-dmesg-numa.txt,
 * `xl debug-keys u && xl dmesg`, and golden/xl-list-v-numa.txt of the same moment), reaches the pinning the editor reads, and the dump is asked for once per domid,
 * not at every read (the editor reads every 2 s).
 */
class XenMemoryNodesTest {
    static final class DumpingHost extends ScriptedHost {
        final AtomicInteger dumps = new AtomicInteger();
        boolean refuse;

        @Override
        public CommandResult run(List<String> argv, byte[] stdin, Duration timeout) {
            if (String.join(" ", argv).startsWith("xl list")) {
                return new CommandResult(argv, 0, golden("xl-list-v-numa.txt"), "");
            }
            if (argv.get(0).equals("sh") && String.join(" ", argv).contains("debug-keys u")) {
                dumps.incrementAndGet();
                return refuse ? new CommandResult(argv, 1, "", "xl: permission denied")
                        : new CommandResult(argv, 0, dmesg(), "");
            }
            return super.run(argv, stdin, timeout);
        }
    }

    /** The dump and the xl list -v of the same moment: pin-appx-1zrr is domid 5, its memory on node 0. */
    static String dmesg() {
        return ScriptedHost.golden("xl-dmesg-numa.txt");
    }

    private static final String GUEST = "pin-appx-1zrr";

    private static XenPinning pinning(ScriptedHost host) {
        return new XenPinning(new XenDomains(new Xl(host), new OwnedConfigStore(host)));
    }

    @Test
    void theMemoryNodesOfARunningDomainComeWithItsPinningAndTheDumpIsAskedForOnce() {
        DumpingHost host = new DumpingHost();
        XenPinning pinning = pinning(host);
        assertThat(pinning.pinning(GUEST).memoryNodes()).isEqualTo(Set.of(0));
        assertThat(pinning.pinning(GUEST).memoryNodes()).isEqualTo(Set.of(0));
        assertThat(host.dumps).hasValue(1);
    }

    @Test
    void aHostThatRefusesTheDumpLeavesThePlacementUnknownAndIsNotAskedAgain() {
        DumpingHost host = new DumpingHost();
        host.refuse = true;
        XenPinning pinning = pinning(host);
        assertThat(pinning.pinning(GUEST).memoryNodes()).isEmpty();
        assertThat(pinning.pinning(GUEST).memoryNodes()).isEmpty();
        assertThat(host.dumps).hasValue(1);
    }
}
