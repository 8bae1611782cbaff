package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.core.model.CpuModelOption;
import org.duovirt.core.model.VmSpec;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The CPU model choices from real domain capabilities (this project's Debian 12 libvirt 9 host, captured with
 * {@code virsh domcapabilities --virttype qemu|kvm}), and the {@code <cpu>} element each choice writes.
 */
class CpuModelsTest {
    private static CpuModelOption find(List<CpuModelOption> options, String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void underTcgHostPassthroughIsGreyedWithTheReasonAndHostModelAndQemu64AreOffered() {
        List<CpuModelOption> options = CpuModels.parse(Golden.read("domcaps-qemu-tcg.xml"), "qemu");
        assertThat(options.get(0).name()).isEqualTo("host-passthrough");
        assertThat(options.get(0).available()).isFalse();
        assertThat(options.get(0).reason()).startsWith("host-passthrough needs hardware virtualization (KVM)");
        assertThat(find(options, "host-model").available()).isTrue();
        assertThat(find(options, "qemu64")).isEqualTo(new CpuModelOption("qemu64", true, null));
        CpuModelOption phenom = find(options, "phenom");
        assertThat(phenom.available()).isFalse();
        assertThat(phenom.reason()).isEqualTo("The host's CPU lacks features the phenom model needs, and QEMU's emulation does not provide them.");
        List<CpuModelOption> named = options.subList(2, options.size());
        int firstUnusable = (int) named.stream().takeWhile(CpuModelOption::available).count();
        assertThat(named.subList(firstUnusable, named.size())).as("usable models first").noneMatch(CpuModelOption::available);
        assertThat(options).extracting(CpuModelOption::name).doesNotContain("maximum");
    }

    @Test
    void underKvmHostPassthroughIsOffered() {
        List<CpuModelOption> options = CpuModels.parse(Golden.read("domcaps-kvm.xml"), "kvm");
        assertThat(find(options, "host-passthrough")).isEqualTo(new CpuModelOption("host-passthrough", true, null));
    }

    private static Element cpuOf(String domainType, String model) {
        DomainPlan plan = new DomainPlan("c", 65536, 1, domainType, "x86_64", new VmSpec.Boot.None(), VmSpec.Firmware.BIOS, null, null,
                false, null, List.of(), null, null, null, null, model);
        return Xml.child(Xml.parse(DomainXmlWriter.write(plan)), "cpu");
    }

    @Test
    void eachChoiceWritesItsCpuElement() {
        assertThat(Xml.attr(cpuOf("kvm", null), "mode")).as("KVM's default").isEqualTo("host-passthrough");
        assertThat(cpuOf("qemu", null)).as("TCG's default: QEMU's own model").isNull();
        assertThat(Xml.attr(cpuOf("qemu", "host-model"), "mode")).isEqualTo("host-model");
        Element custom = cpuOf("qemu", "qemu64");
        assertThat(Xml.attr(custom, "mode")).isEqualTo("custom");
        assertThat(Xml.attr(custom, "match")).isEqualTo("exact");
        assertThat(Xml.text(Xml.child(custom, "model"))).isEqualTo("qemu64");
        assertThat(Xml.attr(Xml.child(custom, "model"), "fallback")).isEqualTo("forbid");
    }
}
