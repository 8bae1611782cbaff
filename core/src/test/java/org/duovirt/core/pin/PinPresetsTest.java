package org.duovirt.core.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.InvalidSpecException;
import org.junit.jupiter.api.Test;

class PinPresetsTest {
    private static final PinContext ONE_SOCKET = PinContext.of(Topologies.oneSocket());
    private static final PinContext TWO_SOCKETS = PinContext.of(Topologies.twoSockets());
    private static final PinContext FOUR_NODES = PinContext.of(Topologies.fourNodes());

    private static List<String> hard(PinPlan plan) {
        return plan.hard().stream().map(CpuSet::toString).toList();
    }

    private static PinPlan kvm(String preset, int vcpus, PinContext context) {
        return PinPresets.plan(Preset.parse(preset), vcpus, context, PinCapabilities.KVM);
    }

    @Test
    void compactOnOneSocketWithoutSmtIsOneCpuEachInOrderAndTheEmulatorGetsTheRest() {
        PinPlan plan = kvm("compact", 2, ONE_SOCKET);
        assertEquals(List.of("0", "1"), hard(plan));
        assertEquals(CpuSet.parse("2-3"), plan.emulator());
        assertTrue(PinWarnings.of(plan, ONE_SOCKET).isEmpty());
    }

    @Test
    void compactFillsNodeZerosCoresBeforeTheirSiblings() {
        assertEquals(List.of("0", "1", "2", "3"), hard(kvm("compact", 4, TWO_SOCKETS)));
        // 18 vCPUs: 16 cores' first threads, then siblings 16 and 17
        List<String> big = hard(kvm("compact", 18, TWO_SOCKETS));
        assertEquals(List.of("15", "16", "17"), big.subList(15, 18));
    }

    @Test
    void spreadAlternatesNumaNodes() {
        assertEquals(List.of("0", "8", "1", "9"), hard(kvm("spread", 4, TWO_SOCKETS)));
        assertEquals(List.of("0", "4", "8", "12", "1"), hard(kvm("spread", 5, FOUR_NODES)));
    }

    @Test
    void numaPinsEveryVcpuAndTheEmulatorToTheNodesCpus() {
        PinPlan plan = kvm("numa:1", 3, TWO_SOCKETS);
        assertEquals(List.of("8-15,24-31", "8-15,24-31", "8-15,24-31"), hard(plan));
        assertEquals(CpuSet.parse("8-15,24-31"), plan.emulator());
        assertEquals(List.of("8-11", "8-11"), hard(kvm("numa:2", 2, FOUR_NODES)));
    }

    @Test
    void numaOfANodeTheHostLacksIsOneSentence() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> kvm("numa:4", 2, FOUR_NODES));
        assertEquals("The host has no NUMA node 4; its nodes are [0, 1, 2, 3].", e.getMessage());
    }

    @Test
    void avoidSmtKeepsTheVcpusAndTheEmulatorOffEachOthersSiblings() {
        PinPlan plan = kvm("avoid-smt", 2, TWO_SOCKETS);
        assertEquals(List.of("0", "1"), hard(plan));
        assertTrue(!plan.emulator().contains(16) && !plan.emulator().contains(17) && plan.emulator().contains(2), plan.emulator().toString());
    }

    @Test
    void avoidSmtPutsCoresOtherVmsArePinnedOnLast() {
        PinContext busy = TWO_SOCKETS.withOtherPins(Map.of("db", CpuSet.of(16)));
        assertEquals(List.of("1", "2"), hard(kvm("avoid-smt", 2, busy)));
    }

    @Test
    void avoidSmtRefusesMoreVcpusThanCores() {
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> kvm("avoid-smt", 17, TWO_SOCKETS));
        assertEquals("Avoiding SMT siblings needs one core per vCPU: the VM has 17 vCPUs, the host 16 usable cores.", e.getMessage());
    }

    @Test
    void isolateUsesOnlyCpusNoOtherVmIsPinnedTo() {
        PinContext busy = ONE_SOCKET.withOtherPins(Map.of("web", CpuSet.of(0), "db", CpuSet.of(2)));
        PinPlan plan = kvm("isolate", 2, busy);
        assertEquals(List.of("1", "3"), hard(plan));
        assertTrue(PinWarnings.of(plan, busy).stream().noneMatch(w -> w.kind() == PinWarning.Kind.OVERLAP));
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> kvm("isolate", 3, busy));
        assertEquals("Isolating 3 vCPUs needs 3 CPUs no other VM is pinned to; only 2 are free (1,3).", e.getMessage());
    }

    @Test
    void noneUnpinsEverythingOntoEveryOnlineCpu() {
        PinContext offline = PinContext.of(Topologies.of(1, 4, 1, 1, CpuSet.of(3)));
        PinPlan plan = kvm("none", 2, offline);
        assertEquals(List.of("0-2", "0-2"), hard(plan));
        assertEquals(CpuSet.parse("0-2"), plan.emulator());
    }

    @Test
    void presetsNeverChooseOfflineCpus() {
        PinContext offline = PinContext.of(Topologies.of(2, 8, 2, 2, CpuSet.parse("0,8")));
        assertEquals(List.of("1", "2"), hard(kvm("compact", 2, offline)));
        assertEquals(List.of("1", "9"), hard(kvm("spread", 2, offline)));
        assertTrue(kvm("numa:0", 1, offline).hard(0).equals(CpuSet.parse("1-7,16-23")));
    }

    @Test
    void onXenSoftFollowsHardAndThereIsNoEmulator() {
        PinContext pool = PinContext.of(Topologies.xenHost()).withPool(CpuSet.parse("2-3"));
        PinPlan plan = PinPresets.plan(Preset.parse("compact"), 2, pool, PinCapabilities.XEN);
        assertEquals(List.of("2", "3"), hard(plan));
        assertEquals(plan.hard(), plan.soft());
        assertNull(plan.emulator());
        InvalidSpecException e = assertThrows(InvalidSpecException.class,
                () -> PinPresets.plan(Preset.parse("numa:0"), 1, pool, PinCapabilities.XEN));
        assertEquals("NUMA node 0 has no online CPU this VM may use.", e.getMessage());
        assertEquals(List.of("3", "3"), hard(PinPresets.plan(Preset.parse("numa:1"), 2, pool.withPool(CpuSet.of(3)), PinCapabilities.XEN)));
    }

    @Test
    void presetNamesAreParsedStrictly() {
        assertEquals("numa:3", Preset.parse(" NUMA:3 ").toString());
        assertEquals("avoid-smt", Preset.parse("avoid-smt").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Preset.parse("fast"));
        assertEquals("Unknown preset 'fast': use compact, spread, numa:N, avoid-smt, isolate or none.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Preset.parse("numa:-1"));
        assertThrows(IllegalArgumentException.class, () -> Preset.parse("numa:99999999999"));
    }
}
