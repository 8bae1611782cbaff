package org.duovirt.xen.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.xen.Golden;
import org.junit.jupiter.api.Test;

class XlConfigWriterTest {
    static XlConfig pvGuest() {
        return new XlConfig("web", "pv", 128, 256, 2, 4, List.of(CpuSet.of(3), CpuSet.parse("0-1,3")),
                List.of(CpuSet.parse("2-3"), CpuSet.parse("0-3")), "/boot/vmlinuz-6.1.0-27-amd64", "/srv/guest/initrd.gz",
                "console=hvc0 quiet", null, false, false,
                List.of(new XlDisk("/var/lib/xen/duovirt/images/web.img", "xvda", "raw", false, false, true),
                        new XlDisk("/srv/data.img", "xvdb", "raw", true, false, false)),
                List.of(new XlVif("xenbr0", null), new XlVif("xenbr1", "00:16:3e:12:34:56")), true,
                "5a0c8a52-0f1b-4d55-9c3e-8e3d5c2b7f11");
    }

    static XlConfig hostileHvm() {
        return new XlConfig("it's \"quoted\" $(rm -rf ~) `id` \\ café 🚀", "hvm", 512, 512, 1, 1, List.of(), List.of(),
                null, null, null, null, true, true,
                List.of(new XlDisk("/srv/my \"disk\" $(x).img", "hda", "raw", false, false, false),
                        new XlDisk("/srv/iso/d'e\\bian.iso", "hdc", "raw", true, true, false)),
                List.of(), true, null);
    }

    private static XlConfig named(String name) {
        XlConfig c = pvGuest();
        return new XlConfig(name, c.type(), c.memoryMiB(), c.maxMemoryMiB(), c.vcpus(), c.maxVcpus(), c.cpus(), c.cpusSoft(),
                c.kernel(), c.ramdisk(), c.cmdline(), c.bootloader(), c.isoBoot(), c.uefi(), c.disks(), c.vifs(), c.vnc(), c.uuid());
    }

    private static XlConfig withDisk(String path) {
        XlConfig c = pvGuest();
        return new XlConfig(c.name(), c.type(), c.memoryMiB(), c.maxMemoryMiB(), c.vcpus(), c.maxVcpus(), c.cpus(), c.cpusSoft(),
                c.kernel(), c.ramdisk(), c.cmdline(), c.bootloader(), c.isoBoot(), c.uefi(),
                List.of(new XlDisk(path, "xvda", "raw", false, false, true)), c.vifs(), c.vnc(), null);
    }

    @Test
    void writesAPvGuestAsTheGoldenFile() {
        assertThat(XlConfigWriter.write(pvGuest())).isEqualTo(Golden.read("golden/pv-guest.cfg"));
    }

    @Test
    void escapesQuotesBackslashesAndKeepsShellSyntaxAndUnicodeInert() {
        assertThat(XlConfigWriter.write(hostileHvm())).isEqualTo(Golden.read("golden/hvm-iso-hostile.cfg"));
    }

    @Test
    void rejectsANewlineInTheNameBeforeWritingAnything() {
        assertThatThrownBy(() -> XlConfigWriter.write(named("evil\nkernel = \"/x\"")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("control characters");
    }

    @Test
    void rejectsControlCharactersInPathsNamingTheField() {
        XlConfig c = pvGuest();
        XlConfig badKernel = new XlConfig(c.name(), c.type(), 128, 128, 1, 1, List.of(), List.of(), "/boot/vm\nlinuz", null,
                null, null, false, false, List.of(), List.of(), false, null);
        assertThatThrownBy(() -> XlConfigWriter.write(badKernel))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("kernel path").hasMessageContaining("U+000A");
        XlConfig nulCmdline = new XlConfig(c.name(), c.type(), 128, 128, 1, 1, List.of(), List.of(), "/k", null,
                "console=hvc0\0", null, false, false, List.of(), List.of(), false, null);
        assertThatThrownBy(() -> XlConfigWriter.write(nulCmdline))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("kernel command line");
    }

    @Test
    void rejectsACommaInADiskPathOrBridge() {
        assertThatThrownBy(() -> XlConfigWriter.write(withDisk("/srv/a,b.img")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("disk path").hasMessageContaining("comma");
        XlConfig c = pvGuest();
        XlConfig badBridge = new XlConfig(c.name(), c.type(), 128, 128, 1, 1, List.of(), List.of(), "/k", null, null, null,
                false, false, List.of(), List.of(new XlVif("br0,script=/tmp/x", null)), false, null);
        assertThatThrownBy(() -> XlConfigWriter.write(badBridge))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("bridge name");
    }

    @Test
    void rejectsBadMacsEmptyPinsAndUnknownTypes() {
        XlConfig c = pvGuest();
        assertThatThrownBy(() -> XlConfigWriter.write(new XlConfig(c.name(), c.type(), 128, 128, 1, 1, List.of(), List.of(),
                "/k", null, null, null, false, false, List.of(), List.of(new XlVif("xenbr0", "nope")), false, null)))
                .hasMessageContaining("MAC address");
        assertThatThrownBy(() -> XlConfigWriter.write(c.withPinning(List.of(CpuSet.empty()), List.of())))
                .hasMessageContaining("vCPU 0 is empty");
        assertThatThrownBy(() -> XlConfigWriter.write(new XlConfig(c.name(), "kvm", 128, 128, 1, 1, List.of(), List.of(),
                "/k", null, null, null, false, false, List.of(), List.of(), false, null)))
                .hasMessageContaining("pv, pvh, hvm");
    }

    @Test
    void pvhGetsNoFramebuffer() {
        XlConfig c = pvGuest();
        XlConfig pvh = new XlConfig("p", "pvh", 128, 128, 1, 1, List.of(), List.of(), "/k", null, null, null,
                false, false, List.of(), List.of(), false, null);
        assertThat(XlConfigWriter.write(pvh)).contains("type = \"pvh\"").doesNotContain("vfb").doesNotContain("serial");
    }

    @Test
    void writesTheCpupoolQuotedAndReadsItBackThroughEveryRewrite() {
        XlConfig pooled = pvGuest().withPool("pin \"pool\" $(id) é");
        String text = XlConfigWriter.write(pooled);
        assertThat(text).contains("cpus_soft = [ \"2-3\", \"0-3\" ]\npool = \"pin \\\"pool\\\" $(id) é\"\nkernel = ");
        XlConfig back = XlConfigReader.read(text);
        assertThat(back).isEqualTo(pooled);
        // a later pinning, vCPU or memory rewrite keeps the pool (a destroy + create lands in it again)
        assertThat(back.withPinning(List.of(CpuSet.of(1)), List.of()).withVcpus(1).withMemory(96).pool()).isEqualTo(pooled.pool());
        assertThat(XlConfigWriter.write(pooled.withPool(null))).isEqualTo(Golden.read("golden/pv-guest.cfg"));
    }

    @Test
    void rejectsACpupoolNameAConfigCannotHold() {
        assertThatThrownBy(() -> XlConfigWriter.write(pvGuest().withPool("Pool-0\nkernel = \"/evil\"")))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("cpupool name").hasMessageContaining("U+000A");
    }
}
