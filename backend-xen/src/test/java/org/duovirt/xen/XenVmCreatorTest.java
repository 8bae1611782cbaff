package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.xen.config.XlConfig;
import org.duovirt.xen.config.XlDisk;
import org.junit.jupiter.api.Test;

/** The host-independent decisions of VM creation; the IT creates real VMs on the Xen host. */
class XenVmCreatorTest {
    private static VmSpec spec(VirtMode mode, VmSpec.Boot boot, VmSpec.Firmware firmware) {
        return new VmSpec("t", 64, 1, new VmSpec.Storage.NewDisk(1, null), boot, null, mode, firmware, List.of(), null);
    }

    private static final VmSpec.Boot KERNEL = new VmSpec.Boot.Kernel("/k", "/i", "console=hvc0");

    @Test
    void aPvOnlyHostRefusesPvhAndHvmWithTheReason() {
        XenVmCreator pvOnly = new XenVmCreator(null, Set.of(VirtMode.PV), false, List.of());
        assertThat(pvOnly.mode(spec(null, KERNEL, null))).isEqualTo(VirtMode.PV);
        assertThatThrownBy(() -> pvOnly.mode(spec(VirtMode.PVH, KERNEL, null))).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("cannot run PVH").hasMessageContaining("VMX or SVM");
        XenVmCreator noDeviceModel = new XenVmCreator(null, Set.of(VirtMode.PV, VirtMode.PVH), false, List.of());
        assertThatThrownBy(() -> noDeviceModel.mode(spec(VirtMode.HVM, KERNEL, null))).hasMessageContaining("qemu-system-xen");
    }

    @Test
    void underQemusEmulatedCpuHvmIsRefusedForThatReasonEvenWithADeviceModel() {
        XenVmCreator tcg = new XenVmCreator(null, java.util.EnumSet.of(VirtMode.PV, VirtMode.PVH), true, List.of(), null, true);
        assertThatThrownBy(() -> tcg.mode(spec(VirtMode.HVM, KERNEL, null))).isInstanceOf(InvalidSpecException.class)
                .hasMessage("This Xen host cannot run HVM VMs: it offers only [PV, PVH]"
                        + " (Xen runs on QEMU's emulated CPU here, where HVM guests cannot run).");
        assertThat(org.duovirt.core.model.HostInfo.emulatedCpu("QEMU TCG CPU version 2.5+")).isTrue();
        assertThat(org.duovirt.core.model.HostInfo.emulatedCpu("QEMU Virtual CPU version 2.5+")).isFalse();
        assertThat(org.duovirt.core.model.HostInfo.emulatedCpu(null)).isFalse();
    }

    @Test
    void isoAndUefiNeedHvmAndKvmModesAreNotXen() {
        XenVmCreator all = new XenVmCreator(null, Set.of(VirtMode.PV, VirtMode.PVH, VirtMode.HVM), true, List.of());
        assertThat(all.mode(spec(null, new VmSpec.Boot.Iso("/d.iso"), null))).isEqualTo(VirtMode.HVM);
        assertThatThrownBy(() -> all.mode(spec(VirtMode.PV, new VmSpec.Boot.Iso("/d.iso"), null))).hasMessageContaining("needs an HVM");
        assertThatThrownBy(() -> all.mode(spec(VirtMode.PVH, KERNEL, VmSpec.Firmware.UEFI))).hasMessageContaining("UEFI");
        assertThatThrownBy(() -> all.mode(spec(VirtMode.KVM, KERNEL, null))).hasMessageContaining("not kvm");
    }

    @Test
    void xlsReadingOfTheConfigMustGiveBackTheNameAndDisks() {
        XlConfig config = new XlConfig("a \"b\"", "pv", 64, 64, 1, 1, List.of(), List.of(), "/k", null, null, null, false, false,
                List.of(new XlDisk("/img/a.img", "xvda", "raw", false, false, true)), List.of(), false, null);
        String good = "{\"c_info\":{\"name\":\"a \\\"b\\\"\"},\"disks\":[{\"pdev_path\":\"/img/a.img\",\"vdev\":\"xvda\"}]}";
        XenVmCreator.checkReadBack("a \"b\"", config, good);
        String wrongName = "{\"c_info\":{\"name\":\"a \\\\\\\"b\\\\\\\"\"}}";
        assertThatThrownBy(() -> XenVmCreator.checkReadBack("a \"b\"", config, wrongName)).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("reads the name");
        String wrongDisk = "{\"c_info\":{\"name\":\"a \\\"b\\\"\"},\"disks\":[{\"pdev_path\":\"/img/a\"}]}";
        assertThatThrownBy(() -> XenVmCreator.checkReadBack("a \"b\"", config, wrongDisk)).isInstanceOf(InvalidSpecException.class).hasMessageContaining("reads the disk paths");
    }

    @Test
    void aNewXenDiskIsRawAQcow2OneIsRefusedInOneSentence() {
        XenVmCreator all = new XenVmCreator(null, Set.of(VirtMode.PV, VirtMode.PVH, VirtMode.HVM), true, List.of());
        VmSpec qcow2 = new VmSpec("t", 64, 1, new VmSpec.Storage.NewDisk(1, null, false, "qcow2"), KERNEL, null, VirtMode.PV, null,
                List.of(), null);
        assertThatThrownBy(() -> all.mode(qcow2)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("Duovirt makes new Xen disk images as raw files; choose raw (or no format).");
        VmSpec raw = new VmSpec("t", 64, 1, new VmSpec.Storage.NewDisk(1, null, false, "raw"), KERNEL, null, VirtMode.PV, null,
                List.of(), null);
        assertThat(all.mode(raw)).isEqualTo(VirtMode.PV);
    }

    @Test
    void aCpuModelIsAKvmChoiceRefusedOnXen() {
        XenVmCreator all = new XenVmCreator(null, Set.of(VirtMode.PV, VirtMode.PVH, VirtMode.HVM), true, List.of());
        VmSpec spec = new VmSpec("t", 64, 1, null, KERNEL, null, VirtMode.PV, null, List.of(), null, null, null, "host-model");
        assertThatThrownBy(() -> all.mode(spec)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("The CPU model is a KVM choice; Xen gives its guests the host's CPU (leave the model empty).");
    }

    @Test
    void anEditedDefinitionAndNetworkBootAreRefusedOnXenInOneSentenceEach() {
        XenVmCreator all = new XenVmCreator(null, Set.of(VirtMode.PV, VirtMode.PVH, VirtMode.HVM), true, List.of());
        VmSpec edited = new VmSpec("t", 64, 1, null, KERNEL, null, VirtMode.PV, null, List.of(), null, null, null, null, "name = \"t\"");
        assertThatThrownBy(() -> all.mode(edited)).hasMessage("Editing the xl config before creation is not offered on Xen hosts yet;"
                + " create the VM, then edit its config.");
        VmSpec pxe = new VmSpec("t", 64, 1, null, new VmSpec.Boot.Network(), "xenbr0", VirtMode.HVM, null, List.of(), null);
        assertThatThrownBy(() -> all.mode(pxe)).hasMessageStartingWith("Network boot (PXE) is offered on KVM hosts only for now");
    }

    @Test
    void aPvGuestGetsAFramebufferWhenAskedWhereDom0HasTheDeviceModel() {
        XenVmCreator withQemu = new XenVmCreator(null, Set.of(VirtMode.PV, VirtMode.PVH, VirtMode.HVM), true, List.of());
        String vfb = "vfb = [ \"vnc=1,vnclisten=127.0.0.1\" ]";
        assertThat(withQemu.preview(framebuffer(VirtMode.PV, null))).as("xl's default: none").doesNotContain("vfb");
        assertThat(withQemu.preview(framebuffer(VirtMode.HVM, null))).as("HVM: its VNC").contains("vnc = 1");
        assertThat(withQemu.preview(framebuffer(VirtMode.HVM, false))).doesNotContain("vnc");
        assertThat(withQemu.preview(framebuffer(VirtMode.PV, true))).contains(vfb);
        assertThat(withQemu.preview(framebuffer(VirtMode.PV, false))).doesNotContain("vfb").doesNotContain("vnc");
        assertThat(withQemu.preview(framebuffer(VirtMode.PVH, null))).doesNotContain("vfb");
        assertThatThrownBy(() -> withQemu.mode(framebuffer(VirtMode.PVH, true))).isInstanceOf(InvalidSpecException.class)
                .hasMessage("A PVH VM gets no graphical console (it has no device model); choose PV or create it without one.");
        XenVmCreator noQemu = new XenVmCreator(null, Set.of(VirtMode.PV), false, List.of());
        assertThat(noQemu.preview(framebuffer(VirtMode.PV, null))).doesNotContain("vfb");
        assertThat(noQemu.preview(framebuffer(VirtMode.PV, false))).doesNotContain("vfb");
        assertThatThrownBy(() -> noQemu.mode(framebuffer(VirtMode.PV, true))).isInstanceOf(InvalidSpecException.class)
                .hasMessage("A graphical console needs qemu-system-xen in dom0, which this host lacks; install it there"
                        + " or create the VM without one.");
    }

    private static VmSpec framebuffer(VirtMode mode, Boolean framebuffer) {
        return new VmSpec("fb", 64, 1, null, KERNEL, null, mode, null, List.of(), null, null, null, null, null, framebuffer);
    }
}
