package org.duovirt.xen.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.core.model.VmState;
import org.duovirt.xen.Golden;
import org.junit.jupiter.api.Test;

class XlListParserTest {
    @Test
    void readsVerboseListWithSpacesInNamesAndStates() {
        List<XlDomainRow> rows = XlListParser.parse(Golden.read("golden/xl-list-v.txt"), false);
        assertThat(rows).extracting(XlDomainRow::name)
                .containsExactly("Domain-0", "web server", "paused-one", "5", "going", "broken");
        XlDomainRow web = rows.get(1);
        assertThat(web.domid()).isEqualTo(3);
        assertThat(web.memoryMiB()).isEqualTo(128);
        assertThat(web.vcpus()).isEqualTo(2);
        assertThat(web.state()).isEqualTo(VmState.RUNNING);
        assertThat(web.uuid()).isEqualTo("5a0c8a52-0f1b-4d55-9c3e-8e3d5c2b7f11");
        assertThat(web.cpuSeconds()).isEqualTo(4.1);
        assertThat(rows.get(2).state()).isEqualTo(VmState.PAUSED);
        assertThat(rows.get(3).domid()).isEqualTo(7);
        assertThat(rows.get(4).state()).isEqualTo(VmState.OTHER);
        assertThat(rows.get(5).state()).isEqualTo(VmState.CRASHED);
    }

    @Test
    void readsPlainListAndThePoolColumn() {
        List<XlDomainRow> rows = XlListParser.parse(Golden.read("golden/xl-list-c.txt"), true);
        assertThat(rows).extracting(XlDomainRow::pool).containsExactly("Pool-0", "Pool-node1", "Pool-0");
        assertThat(rows.get(1).uuid()).isNull();
    }

    @Test
    void stateLettersOfXlListMapToVmStates() {
        assertThat(XlStates.fromXlList("r-----")).isEqualTo(VmState.RUNNING);
        assertThat(XlStates.fromXlList("------")).isEqualTo(VmState.RUNNING);
        assertThat(XlStates.fromXlList("--p---")).isEqualTo(VmState.PAUSED);
        assertThat(XlStates.fromXlList("--ps--")).isEqualTo(VmState.OTHER);
        assertThat(XlStates.fromXlList("---sc-")).isEqualTo(VmState.CRASHED);
        assertThat(XlStates.fromXlList("-----d")).isEqualTo(VmState.OTHER);
    }

    @Test
    void stateLettersOfXentopMapToVmStates() {
        assertThat(XlStates.fromXentop("-----r")).isEqualTo(VmState.RUNNING);
        assertThat(XlStates.fromXentop("--b---")).isEqualTo(VmState.RUNNING);
        assertThat(XlStates.fromXentop("----p-")).isEqualTo(VmState.PAUSED);
        assertThat(XlStates.fromXentop("---c--")).isEqualTo(VmState.CRASHED);
        assertThat(XlStates.fromXentop("d-----")).isEqualTo(VmState.OTHER);
    }
}
