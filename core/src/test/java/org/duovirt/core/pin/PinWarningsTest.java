package org.duovirt.core.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duovirt.core.cpu.CpuSet;
import org.junit.jupiter.api.Test;

class PinWarningsTest {
    private static final PinContext TWO_SOCKETS = PinContext.of(Topologies.twoSockets());

    private static PinPlan plan(CpuSet emulator, String... hard) {
        return new PinPlan(java.util.Arrays.stream(hard).map(CpuSet::parse).toList(), List.of(), emulator);
    }

    private static List<String> messages(PinPlan plan, PinContext context) {
        return PinWarnings.of(plan, context).stream().map(PinWarning::message).toList();
    }

    @Test
    void severalVcpusAloneOnOneCpuAreNamed() {
        assertEquals(List.of("vCPUs 0-1,3 are all pinned to CPU 5 alone and take turns on it."),
                messages(plan(null, "5", "5", "6", "5"), TWO_SOCKETS));
    }

    @Test
    void moreVcpusThanCpusIsAnOvercommit() {
        assertEquals(List.of("3 vCPUs share only 2 CPUs (4-5)."), messages(plan(null, "4-5", "4-5", "4"), TWO_SOCKETS));
    }

    @Test
    void vcpusOverTwoNodesWithMemoryOnOneAreAWarningOnlyWhenTheMemoryNodeIsKnown() {
        PinPlan spread = PinPresets.plan(Preset.parse("spread"), 2, TWO_SOCKETS, PinCapabilities.KVM);
        assertTrue(messages(spread, TWO_SOCKETS).stream().noneMatch(m -> m.contains("NUMA")));
        assertEquals(List.of("The vCPUs run on NUMA nodes 0,1 while the memory is on node 0: the others reach it remotely."),
                messages(spread, TWO_SOCKETS.withMemoryNodes(Set.of(0))));
        PinPlan numa = PinPresets.plan(Preset.parse("numa:0"), 2, TWO_SOCKETS, PinCapabilities.KVM);
        assertTrue(messages(numa, TWO_SOCKETS.withMemoryNodes(Set.of(0))).stream().noneMatch(m -> m.contains("NUMA")));
        PinPlan far = PinPresets.plan(Preset.parse("numa:1"), 2, TWO_SOCKETS, PinCapabilities.KVM);
        assertEquals(List.of("The vCPUs run on NUMA node 1 while the memory is on node 0: every access is remote."),
                messages(far.withEmulator(null), TWO_SOCKETS.withMemoryNodes(Set.of(0))));
    }

    @Test
    void overlapNamesEachOtherVm() {
        PinContext others = TWO_SOCKETS.withOtherPins(Map.of("web1", CpuSet.parse("0-1"), "db", CpuSet.of(9), "far", CpuSet.of(30)));
        assertEquals(List.of("CPUs 9 are also pinned by db.", "CPUs 1 are also pinned by web1."), // by name
                messages(plan(null, "1", "9"), others));
    }

    @Test
    void otherVmsThatAreNotPinnedDoNotCount() {
        var all = new org.duovirt.core.model.VcpuPinning(List.of(
                new org.duovirt.core.model.VcpuAffinity(0, Topologies.twoSockets().allCpus(), null, 3)), null);
        var pinned = new org.duovirt.core.model.VcpuPinning(List.of(
                new org.duovirt.core.model.VcpuAffinity(0, CpuSet.of(2), null, 2)), CpuSet.of(3));
        var emulatorAnywhere = new org.duovirt.core.model.VcpuPinning(List.of(
                new org.duovirt.core.model.VcpuAffinity(0, CpuSet.of(5), null, 5)), Topologies.twoSockets().allCpus());
        assertEquals(Map.of("db", CpuSet.parse("2-3"), "cache", CpuSet.of(5)), PinContext.pinnedElsewhere(
                Map.of("web", all, "db", pinned, "cache", emulatorAnywhere), TWO_SOCKETS.usableCpus()));
    }

    @Test
    void partlyOfflineSetsAreWarnedAbout() {
        PinContext offline = PinContext.of(Topologies.of(1, 4, 1, 1, CpuSet.of(3)));
        assertEquals(List.of("vCPU 0 includes offline CPUs 3."), messages(plan(null, "2-3"), offline));
    }

    @Test
    void setsReachingOutsideTheCpupoolAreWarnedAbout() {
        PinContext pool = PinContext.of(Topologies.xenHost()).withPool(CpuSet.parse("0-1"));
        PinPlan plan = new PinPlan(List.of(CpuSet.parse("1-2"), CpuSet.of(0)), List.of(CpuSet.of(0), CpuSet.parse("0-3")), null);
        assertEquals(List.of("vCPU 0 includes CPUs 2 outside its cpupool (0-1).",
                "The soft affinity of vCPU 1 includes CPUs 2-3 outside its cpupool (0-1)."), messages(plan, pool));
    }

    @Test
    void anEmulatorPinnedOntoAVcpusCpuIsAWarningButAnUnpinnedOneIsNot() {
        assertEquals(List.of("The emulator threads share CPUs 1 with vCPUs 1."), messages(plan(CpuSet.parse("1,4"), "0", "1"), TWO_SOCKETS));
        assertTrue(messages(plan(TWO_SOCKETS.usableCpus(), "0", "1"), TWO_SOCKETS).isEmpty());
        assertTrue(messages(PinPresets.plan(Preset.parse("compact"), 4, TWO_SOCKETS, PinCapabilities.KVM), TWO_SOCKETS).isEmpty());
    }

    @Test
    void everyKindHasABundleKey() {
        assertEquals("pin.warning.emulator-shares", PinWarning.Kind.EMULATOR_SHARES.key());
    }
}
