package org.duovirt.xen.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.xen.Golden;
import org.junit.jupiter.api.Test;

class XlListJsonParserTest {
    @Test
    void skipsDomain0AndReadsTheDomainConfig() {
        List<XlDomainConfig> domains = XlListJsonParser.parse(Golden.read("golden/xl-list-l.json"));
        assertThat(domains).hasSize(1);
        XlDomainConfig web = domains.get(0);
        assertThat(web.domid()).isEqualTo(3);
        assertThat(web.name()).isEqualTo("web \"server\"");
        assertThat(web.type()).isEqualTo("pv");
        assertThat(web.maxVcpus()).isEqualTo(2);
        assertThat(web.onlineVcpus()).isEqualTo(2);
        assertThat(web.maxMemoryKiB()).isEqualTo(131072);
        assertThat(web.kernel()).isEqualTo("/var/lib/xen/duovirt/boot/vmlinuz");
        assertThat(web.cmdline()).isEqualTo("console=hvc0 quiet");
        assertThat(web.hardAffinity()).containsExactly(CpuSet.of(3), CpuSet.parse("0-3"));
        assertThat(web.vnc()).isTrue();
    }

    @Test
    void missingFieldsReadAsTheirDefaults() {
        XlDomainConfig web = XlListJsonParser.parse(Golden.read("golden/xl-list-l.json")).get(0);
        assertThat(web.disks()).hasSize(2);
        assertThat(web.disks().get(0).readOnly()).isFalse();
        assertThat(web.disks().get(0).device()).isEqualTo("disk");
        // readwrite left out = 0 = read-only; is_cdrom 1
        assertThat(web.disks().get(1).readOnly()).isTrue();
        assertThat(web.disks().get(1).device()).isEqualTo("cdrom");
        assertThat(web.nics().get(0).mac()).isEqualTo("00:16:3e:5c:2b:7f");
        assertThat(web.nics().get(0).network()).isEqualTo("xenbr0");
        assertThat(web.nics().get(0).model()).isNull();
        assertThat(web.bootloader()).isNull();
    }

    @Test
    void readsTheBareConfigOfXlDashNCreate() {
        String json = "{ \"c_info\": { \"type\": \"pvh\", \"name\": \"t\" }, \"b_info\": { \"max_vcpus\": 1 } }";
        XlDomainConfig config = XlListJsonParser.parse(json).get(0);
        assertThat(config.type()).isEqualTo("pvh");
        assertThat(config.disks()).isEmpty();
    }

    @Test
    void emptyListAndBrokenJson() {
        assertThat(XlListJsonParser.parse("[\n]\n")).isEmpty();
        assertThatThrownBy(() -> XlListJsonParser.parse("[{\"domid\": 1, "))
                .isInstanceOf(DuovirtException.class).hasMessageContaining("JSON");
    }
}
