package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.CpuTopology;
import org.duovirt.core.model.VcpuAffinity;
import org.duovirt.core.model.VcpuPinning;
import org.duovirt.core.pin.PinCapabilities;
import org.duovirt.core.pin.PinContext;
import org.duovirt.core.pin.PinPlan;
import org.duovirt.core.pin.PinPresets;
import org.duovirt.core.pin.PinWarning;
import org.duovirt.core.pin.PinWarnings;
import org.duovirt.core.pin.Preset;
import org.duovirt.xen.parse.VcpuListParser;
import org.duovirt.xen.parse.XlInfoParser;
import org.duovirt.xen.transport.CommandResult;
import org.junit.jupiter.api.Test;

/**
 * Domain-0's vCPU pins count among "other VMs' pins" on Xen: dom0 is no VM in the list, but a dom0 pinned with
 * {@code dom0_vcpus_pin} (or {@code xl vcpu-pin 0 …}) shares those CPUs with every guest. On the real captured
 * {@code xl vcpu-list} of the test host (dom0 unpinned: "all") it counts nothing; on the same output with dom0's
 * two vCPUs pinned to CPUs 0 and 1 (golden/xl-vcpu-list-dom0-pinned.txt, edited from that capture: the test host's
 * dom0 is not pinned and is shared today) the overlap warning names Domain-0 and "isolate" keeps off its CPUs.
 */
class XenHostPinningTest {
    private static final CpuSet HOST = CpuSet.parse("0-3");

    private static String capture(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/xl-output", name));
    }

    @Test
    void anUnpinnedDom0FromTheRealCaptureCountsNothing() throws Exception {
        VcpuPinning dom0 = VcpuListParser.parse(capture("xl-vcpu-list.txt"), HOST, 0);
        assertThat(dom0.vcpus()).extracting(VcpuAffinity::vcpu, VcpuAffinity::currentCpu)
                .as("Domain-0's four rows only, not capguest's or xenbk-m's")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 2), org.assertj.core.groups.Tuple.tuple(1, 0),
                        org.assertj.core.groups.Tuple.tuple(2, 1), org.assertj.core.groups.Tuple.tuple(3, 3));
        assertThat(dom0.vcpus()).allMatch(v -> v.hard().equals(HOST));
        assertThat(PinContext.pinnedElsewhere(Map.of("Domain-0", dom0), HOST)).isEmpty();
    }

    @Test
    void aPinnedDom0IsWarnedAboutAndIsolatedFrom() throws Exception {
        List<String> queries = new CopyOnWriteArrayList<>();
        XenPinPlansTest.ScriptedHost host = new XenPinPlansTest.ScriptedHost() {
            @Override
            public CommandResult run(List<String> argv, byte[] stdin, java.time.Duration timeout) {
                String line = String.join(" ", argv);
                if (line.equals("xl vcpu-list 0")) {
                    queries.add(line);
                    return new CommandResult(argv, 0, golden("xl-vcpu-list-dom0-pinned.txt"), "");
                }
                return super.run(argv, stdin, timeout);
            }
        };
        XenPinning pinning = new XenPinning(new XenDomains(new Xl(host), new OwnedConfigStore(host)));
        Map<String, VcpuPinning> own = pinning.hostPinning();
        assertThat(queries).containsExactly("xl vcpu-list 0");
        assertThat(own).containsOnlyKeys("Domain-0");
        assertThat(own.get("Domain-0").vcpus()).extracting(v -> v.hard().toString()).containsExactly("0", "1");

        CpuTopology topology = XlInfoParser.hostInfo(XlInfoParser.parse(capture("xl-info-n.txt")), null).topology();
        PinContext context = PinContext.of(topology);
        context = context.withOtherPins(PinContext.pinnedElsewhere(own, context.usableCpus()));
        assertThat(context.otherPins()).containsEntry("Domain-0", CpuSet.parse("0-1"));

        PinPlan onDom0 = new PinPlan(List.of(CpuSet.of(1), CpuSet.of(3)), List.of(), null);
        assertThat(PinWarnings.of(onDom0, context)).filteredOn(w -> w.kind() == PinWarning.Kind.OVERLAP)
                .singleElement().satisfies(w -> assertThat(w.args()).containsExactly("Domain-0", "1"));

        PinPlan isolated = PinPresets.plan(Preset.of(Preset.Kind.ISOLATE), 2, context, new PinCapabilities(true, false));
        assertThat(List.of(isolated.hard(0), isolated.hard(1))).allMatch(s -> s.isSubsetOf(CpuSet.parse("2-3")));
        assertThat(PinWarnings.of(isolated, context)).noneMatch(w -> w.kind() == PinWarning.Kind.OVERLAP);
    }
}
