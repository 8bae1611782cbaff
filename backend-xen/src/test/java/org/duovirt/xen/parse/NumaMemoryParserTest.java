package org.duovirt.xen.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.duovirt.xen.Golden;
import org.junit.jupiter.api.Test;

/**
 * The NUMA dump of the real Xen 4.17 test host (golden/xl-dmesg-numa.txt: `xl debug-keys u && xl dmesg` with a
 * 96 MiB PV guest as domid 5, the whole ring: boot messages, an older dump with Domain-0 alone, then the new one).
 */
class NumaMemoryParserTest {
    @Test
    void readsTheLastDumpOfTheRealHost() {
        Map<Integer, Set<Integer>> nodes = NumaMemoryParser.parse(Golden.read("golden/xl-dmesg-numa.txt"));
        // Domain-0: 51781 pages on node 0 (20 %), 210363 on node 1; the guest: all 24576 on node 0
        assertThat(nodes).containsExactly(Map.entry(0, Set.of(0, 1)), Map.entry(5, Set.of(0)));
    }

    @Test
    void aFewPagesOnANodeDoNotPlaceTheMemoryThereAndNewerXenSpellsDomainsD() {
        String dump = """
                (XEN) [  812.1] Memory location of each domain:
                (XEN) [  812.1] d7 (total: 1000):
                (XEN) [  812.1]     Node 0: 960
                (XEN) [  812.1]     Node 1: 40
                (XEN) [  812.1] d8 (total: 0):
                (XEN) [  812.1]     Node 0: 0
                (XEN) [  812.1]     Node 1: 0
                """;
        assertThat(NumaMemoryParser.parse(dump)).containsExactly(Map.entry(7, Set.of(0)), Map.entry(8, Set.of()));
    }

    @Test
    void textWithoutADumpSaysNothing() {
        assertThat(NumaMemoryParser.parse("(XEN) Freed 656kB init memory\n")).isEmpty();
    }
}
