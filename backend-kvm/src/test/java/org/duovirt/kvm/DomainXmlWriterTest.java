package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSpecValidator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class DomainXmlWriterTest {
    static final String HOSTILE = "it's \"q\" <b> & $(reboot) é 名前";

    private static DomainPlan kernelPlan(String name) {
        return new DomainPlan(name, 131072, 2, "qemu", "x86_64",
                new VmSpec.Boot.Kernel("/images/vmlinuz", "/images/initrd.gz", "console=ttyS0 quiet"),
                VmSpec.Firmware.BIOS, "/var/lib/libvirt/images/web.qcow2", "qcow2", true, null,
                List.of(CpuSet.of(1), CpuSet.parse("0-1")));
    }

    @Test
    void writesADirectKernelBootVmAsTheGoldenFile() {
        assertThat(DomainXmlWriter.write(kernelPlan("web"))).isEqualTo(golden("create-kernel.xml"));
    }

    @Test
    void writesAnIsoInstallWithUefiKvmAndANetworkAsTheGoldenFile() {
        DomainPlan plan = new DomainPlan("installer", 2097152, 4, "kvm", "x86_64",
                new VmSpec.Boot.Iso("/isos/debian 12 & more.iso"), VmSpec.Firmware.UEFI,
                "/var/lib/libvirt/images/installer.qcow2", "qcow2", true, "default", List.of());

        assertThat(DomainXmlWriter.write(plan)).isEqualTo(golden("create-iso-uefi.xml"));
    }

    @Test
    void aHostileNameIsEscapedAndReadsBackExactly() {
        String xml = DomainXmlWriter.write(kernelPlan(HOSTILE));

        assertThat(xml).contains("<name>it's \"q\" &lt;b&gt; &amp; $(reboot) é 名前</name>");
        assertThat(xml).isEqualTo(golden("create-hostile-name.xml"));
        Element root = Xml.parse(xml);
        assertThat(Xml.text(Xml.child(root, "name"))).isEqualTo(HOSTILE);
        assertThat(Xml.children(Xml.child(root, "devices"), "disk")).hasSize(1);
    }

    @Test
    void aHostilePathStaysInsideItsAttribute() {
        DomainPlan plan = new DomainPlan("p", 65536, 1, "qemu", null, new VmSpec.Boot.None(), VmSpec.Firmware.BIOS,
                "/tmp/x' /><disk file='/etc/shadow", "raw", false, "net\"work", List.of());

        Element root = Xml.parse(DomainXmlWriter.write(plan));

        Element devices = Xml.child(root, "devices");
        assertThat(Xml.children(devices, "disk")).singleElement()
                .satisfies(d -> assertThat(Xml.attr(Xml.child(d, "source"), "file")).isEqualTo("/tmp/x' /><disk file='/etc/shadow"));
        assertThat(Xml.attr(Xml.child(Xml.child(devices, "interface"), "source"), "network")).isEqualTo("net\"work");
    }

    @Test
    void aNewlineInTheNameIsRejectedByTheValidatorBeforeAnyXmlIsWritten() {
        assertThat(VmSpecValidator.nameProblem("two\nlines")).contains("control characters");
        assertThat(VmSpecValidator.nameProblem(HOSTILE)).isNull();
    }

    @Test
    void volumeFileNamesKeepOnlySafeCharacters() {
        assertThat(StoragePools.fileStem(HOSTILE)).isEqualTo("it_s__q___b______reboot______");
        assertThat(StoragePools.fileStem("dvt-it-kvm-e2e.1")).isEqualTo("dvt-it-kvm-e2e.1");
        assertThat(StoragePools.fileStem("...")).isEqualTo("vm");
    }

    private static String golden(String name) {
        return Golden.read(name);
    }

    @Test
    void aNetworkBootBootsTheNicFirstThenTheDisk() {
        DomainPlan plan = new DomainPlan("pxe", 65536, 1, "qemu", "x86_64", new VmSpec.Boot.Network(), VmSpec.Firmware.BIOS, null, null,
                false, "default", List.of());
        Element os = Xml.child(Xml.parse(DomainXmlWriter.write(plan)), "os");
        assertThat(Xml.children(os, "boot")).extracting(b -> Xml.attr(b, "dev")).containsExactly("network", "hd");
        assertThat(Xml.child(os, "kernel")).isNull();
    }
}
