package org.duovirt.xen.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.xen.Golden;
import org.junit.jupiter.api.Test;

class XentopParserTest {
    private final List<List<XentopDomain>> iterations = XentopParser.parseAll(Golden.read("golden/xentop-b-v-n-x-f.txt"));

    @Test
    void eachHeaderStartsAnIteration() {
        assertThat(iterations).hasSize(2);
        assertThat(iterations.get(0)).extracting(XentopDomain::name).containsExactly("Domain-0", "web server", "wide6");
    }

    @Test
    void readsTheDomainLineWithFullNameAndNoLimit() {
        XentopDomain dom0 = iterations.get(0).get(0);
        assertThat(dom0.maxMemoryKiB()).isEqualTo(-1);
        assertThat(dom0.memoryKiB()).isEqualTo(1048576);
        XentopDomain web = iterations.get(0).get(1);
        assertThat(web.stateLetters()).isEqualTo("--b---");
        assertThat(web.cpuSeconds()).isEqualTo(4);
        assertThat(web.memoryKiB()).isEqualTo(131072);
        assertThat(web.maxMemoryKiB()).isEqualTo(132096);
        assertThat(web.vcpus()).isEqualTo(2);
        assertThat(web.netTxKiB()).isEqualTo(1);
        assertThat(web.netRxKiB()).isEqualTo(2);
        assertThat(web.vbdReads()).isEqualTo(35);
        assertThat(web.vbdWrites()).isEqualTo(7);
        assertThat(web.vbdReadSectors()).isEqualTo(1024);
        assertThat(web.vbdWriteSectors()).isEqualTo(56);
    }

    @Test
    void readsPerVcpuSecondsAndPerNicBytes() {
        XentopDomain web = iterations.get(0).get(1);
        assertThat(web.vcpuSeconds()).containsExactly(3, 1);
        assertThat(web.nicRxBytes()).isEqualTo(2048);
        assertThat(web.nicTxBytes()).isEqualTo(1536);
        assertThat(web.nicRxPackets()).isEqualTo(20);
        assertThat(web.nicTxPackets()).isEqualTo(12);
        assertThat(iterations.get(0).get(2).nicRxBytes()).isEqualTo(-1);
    }

    @Test
    void wrappedVcpuLinesAndOfflineVcpus() {
        XentopDomain wide = iterations.get(0).get(2);
        assertThat(wide.vcpus()).isEqualTo(6);
        // vCPU 3 is offline: xentop leaves it out; vCPU 5 sits on the continuation line.
        assertThat(wide.vcpuSeconds()).containsExactly(5, 4, 2, -1, 1, 1);
    }

    @Test
    void secondIterationHasTheGrownCounters() {
        XentopDomain web = iterations.get(1).get(1);
        assertThat(web.cpuSeconds()).isEqualTo(5);
        assertThat(web.vcpuSeconds()).containsExactly(4, 1);
        assertThat(web.nicRxBytes()).isEqualTo(3048);
        assertThat(web.vbdReadSectors()).isEqualTo(1032);
    }

    @Test
    void anIterationIsCompleteOnlyWhenTheNextHeaderArrives() {
        XentopParser parser = new XentopParser();
        String[] lines = Golden.read("golden/xentop-b-v-n-x-f.txt").split("\n");
        int completed = 0;
        for (String line : lines) {
            if (parser.feed(line) != null) {
                completed++;
            }
        }
        assertThat(completed).isEqualTo(1);
        assertThat(parser.finish()).hasSize(3);
    }
}
