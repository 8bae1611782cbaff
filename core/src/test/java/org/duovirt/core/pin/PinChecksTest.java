package org.duovirt.core.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.InvalidSpecException;
import org.junit.jupiter.api.Test;

class PinChecksTest {
    private static final PinContext TWO_SOCKETS = PinContext.of(Topologies.twoSockets());

    private static String refusal(String text) {
        return assertThrows(InvalidSpecException.class, () -> PinChecks.parse(text, TWO_SOCKETS)).getMessage();
    }

    @Test
    void absurdListsAreRefusedInOneSentenceWithoutAllocatingForThem() {
        // CpuSet's own wording may change (it has its own tests); what matters here is one sentence naming the item.
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            assertOneSentenceNaming("2147483647", refusal("0-2147483647"));
            assertOneSentenceNaming("99999999999", refusal("0-99999999999"));
        });
        assertOneSentenceNaming("-1", refusal("-1"));
        assertOneSentenceNaming("5-2", refusal("5-2"));
        assertOneSentenceNaming("all", refusal("all"));
        assertEquals("The CPU list '30-40' names CPU 32-40, which the host lacks (it has 0-31).", refusal("30-40"));
        assertEquals(CpuSet.parse("1-3"), PinChecks.parse(" 1-3 ", TWO_SOCKETS));
    }

    private static void assertOneSentenceNaming(String item, String message) {
        assertTrue(message.contains(item) && message.endsWith(".") && !message.contains("\n")
                && message.indexOf(". ") < 0, message);
    }

    @Test
    void aPlanIsCheckedWholeAndEveryProblemIsNamed() {
        PinContext offline = PinContext.of(Topologies.of(1, 4, 1, 1, CpuSet.of(3)));
        PinPlan plan = new PinPlan(List.of(CpuSet.of(3), CpuSet.of(9)), List.of(CpuSet.of(0), CpuSet.empty()), CpuSet.of(1));
        assertEquals(List.of("The plan pins 2 vCPUs, but the VM has 3.",
                "This hypervisor has no soft affinity: leave the soft sets out.",
                "vCPU 0 is pinned only to offline CPUs (3).",
                "vCPU 1 names CPU 9, which the host lacks (it has 0-3).",
                "The soft affinity of vCPU 1 has no CPUs: give at least one."),
                PinChecks.problems(plan, 3, offline, PinCapabilities.KVM));
    }

    @Test
    void aSetWhollyOutsideTheCpupoolIsRefusedAndXenHasNoEmulator() {
        PinContext pool = PinContext.of(Topologies.xenHost()).withPool(CpuSet.parse("2-3"));
        PinPlan plan = new PinPlan(List.of(CpuSet.parse("0-1")), List.of(), CpuSet.of(2));
        assertEquals(List.of("This hypervisor has no emulator threads to pin: leave the emulator set out.",
                "vCPU 0 is pinned only outside its cpupool (0-1; the pool has 2-3)."), PinChecks.problems(plan, 1, pool, PinCapabilities.XEN));
    }

    @Test
    void presetsPassTheirOwnChecksOnEveryTopology() {
        for (var topology : List.of(Topologies.oneSocket(), Topologies.twoSockets(), Topologies.fourNodes(), Topologies.xenHost(),
                Topologies.of(2, 8, 2, 2, CpuSet.parse("0-3,20")))) {
            PinContext context = PinContext.of(topology);
            for (String preset : List.of("compact", "spread", "numa:0", "avoid-smt", "isolate", "none")) {
                for (PinCapabilities caps : List.of(PinCapabilities.KVM, PinCapabilities.XEN)) {
                    PinPlan plan = PinPresets.plan(Preset.parse(preset), 2, context, caps);
                    assertEquals(List.of(), PinChecks.problems(plan, 2, context, caps), preset + " on " + topology.cpuCount());
                }
            }
        }
    }
}
