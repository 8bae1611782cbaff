package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The saved definition's {@code <cpu>} rewritten for another model: topology and NUMA stay, the old model goes. */
class CpuModelOpsTest {
    private static final String DOMAIN = "<domain type='qemu'><name>x</name><cpu mode='custom' match='exact' check='partial'>"
            + "<model fallback='forbid'>Westmere</model><vendor>Intel</vendor><feature policy='require' name='x2apic'/>"
            + "<topology sockets='1' dies='1' cores='2' threads='1'/></cpu><clock offset='utc'/></domain>";

    private static String flat(String model, String xml) {
        Element root = Xml.parse(xml);
        CpuModelOps.apply(root, model);
        return Xml.serialize(root).replaceAll(">\\s+<", "><").replace("\"", "'");
    }

    @Test
    void aNamedModelReplacesTheOldOneAndItsFeaturesButKeepsTheTopology() {
        assertThat(flat("qemu64", DOMAIN)).contains("<cpu match='exact' mode='custom'><model fallback='forbid'>qemu64</model>"
                + "<topology cores='2' dies='1' sockets='1' threads='1'/></cpu>").doesNotContain("Westmere", "x2apic", "Intel", "check=");
    }

    @Test
    void hostPassthroughAndHostModelAreModesWithoutANamedModel() {
        assertThat(flat("host-passthrough", DOMAIN)).contains("<cpu mode='host-passthrough'><topology")
                .doesNotContain("<model", "match=");
        assertThat(flat("host-model", DOMAIN)).contains("<cpu mode='host-model'><topology");
    }

    @Test
    void theDefaultKeepsOnlyATopologyAndDropsAnEmptyCpu() {
        assertThat(flat("default", DOMAIN)).contains("<cpu><topology cores='2' dies='1' sockets='1' threads='1'/></cpu>");
        assertThat(flat("default", "<domain type='kvm'><cpu mode='host-passthrough'/><clock offset='utc'/></domain>"))
                .doesNotContain("<cpu");
    }

    @Test
    void aDomainWithoutCpuGetsOneBeforeItsClock() {
        assertThat(flat("qemu64", "<domain type='qemu'><name>x</name><clock offset='utc'/></domain>"))
                .contains("<name>x</name><cpu match='exact' mode='custom'><model fallback='forbid'>qemu64</model></cpu><clock");
    }
}
