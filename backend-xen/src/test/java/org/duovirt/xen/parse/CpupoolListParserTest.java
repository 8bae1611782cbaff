package org.duovirt.xen.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.CpuPool;
import org.duovirt.xen.Golden;
import org.junit.jupiter.api.Test;

class CpupoolListParserTest {
    @Test
    void combinesSchedulersCpusAndDomains() {
        List<CpuPool> pools = CpupoolListParser.parse(Golden.read("golden/xl-cpupool-list.txt"),
                Golden.read("golden/xl-cpupool-list-c.txt"), XlListParser.parse(Golden.read("golden/xl-list-c.txt"), true));
        assertThat(pools).extracting(CpuPool::name).containsExactly("Pool-0", "Pool-node1", "empty");
        assertThat(pools.get(0).cpus()).isEqualTo(CpuSet.parse("0-1"));
        assertThat(pools.get(0).scheduler()).isEqualTo("credit2");
        assertThat(pools.get(0).vms()).containsExactly("paused-one"); // Domain-0 is the host, not a VM
        assertThat(pools.get(1).cpus()).isEqualTo(CpuSet.parse("2-3"));
        assertThat(pools.get(1).vms()).containsExactly("web server");
        assertThat(pools.get(2).cpus().isEmpty()).isTrue();
        assertThat(pools.get(2).scheduler()).isEqualTo("credit");
    }
}
