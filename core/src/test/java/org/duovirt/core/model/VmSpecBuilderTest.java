package org.duovirt.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.duovirt.core.error.InvalidSpecException;
import org.junit.jupiter.api.Test;

/** The option rules the CLI and the wizard share: every problem at once, each with its field. */
class VmSpecBuilderTest {
    @Test
    void aGoodSetOfChoicesBuildsTheSpec() {
        VmSpec spec = new VmSpecBuilder().name("web \"1\" <$(x)>").memoryMiB(128).vcpus(2)
                .kernel("/boot/vmlinuz", "/boot/initrd", "console=ttyS0").newDisk(1.5, "default").network("default")
                .mode("qemu").machine("q35").osVariant("debian12").pin("1=0").build();
        assertThat(spec.boot()).isEqualTo(new VmSpec.Boot.Kernel("/boot/vmlinuz", "/boot/initrd", "console=ttyS0"));
        assertThat(spec.storage()).isEqualTo(new VmSpec.Storage.NewDisk(1.5, "default"));
        assertThat(spec.mode()).isEqualTo(VirtMode.QEMU);
        assertThat(spec.machine()).isEqualTo("q35");
        assertThat(spec.vcpuPins()).hasSize(2).first().isNull();
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsField() {
        VmSpecBuilder b = new VmSpecBuilder().name("bad/name").memoryMiB(0).vcpus(0).newDisk(1.0, null)
                .importDisk("/x.qcow2").kernel(null, "/initrd", null).iso("/a.iso").mode("vmware").machine("q35 <x>");
        assertThat(b.problems()).extracting(SpecProblem::field).contains(SpecField.STORAGE, SpecField.BOOT, SpecField.MODE,
                SpecField.NAME, SpecField.MEMORY, SpecField.VCPUS, SpecField.MACHINE);
        assertThat(b.problems()).extracting(SpecProblem::message).contains(
                "Give either a new disk or an existing one to import, not both.",
                "An initrd or a kernel command line needs a kernel.",
                "The name must not contain '/'.",
                "A VM needs at least 1 vCPU; 0 was asked for.");
        assertThatThrownBy(b::build).isInstanceOf(InvalidSpecException.class)
                .satisfies(e -> assertThat(((InvalidSpecException) e).problems()).hasSize(b.problems().size()));
    }

    @Test
    void badPinsAreProblemsNotCrashes() {
        VmSpecBuilder b = new VmSpecBuilder().name("p").memoryMiB(64).vcpus(2).pin("x").pin("5=1").pin("0=a-b");
        assertThat(b.problems()).extracting(SpecProblem::field).containsOnly(SpecField.PINNING).hasSize(3);
    }

    @Test
    void blankTextFieldsMeanNotGiven() {
        VmSpec spec = new VmSpecBuilder().name("n").memoryMiB(64).kernel(" ", "", null).iso("").network(" ").machine("").build();
        assertThat(spec.boot()).isInstanceOf(VmSpec.Boot.None.class);
        assertThat(spec.network()).isNull();
        assertThat(spec.machine()).isNull();
    }

    @Test
    void aNewDiskTakesQcow2OrRawAndAFormatNeedsANewDisk() {
        VmSpec raw = new VmSpecBuilder().name("r").memoryMiB(64).newDisk(1.0, null).diskFormat(" RAW ").build();
        assertThat(((VmSpec.Storage.NewDisk) raw.storage()).format()).isEqualTo("raw");
        VmSpec none = new VmSpecBuilder().name("d").memoryMiB(64).newDisk(1.0, null).build();
        assertThat(((VmSpec.Storage.NewDisk) none.storage()).format()).as("the backend's default").isNull();
        assertThat(new VmSpecBuilder().name("v").memoryMiB(64).newDisk(1.0, null).diskFormat("vmdk").problems())
                .extracting(SpecProblem::message).containsExactly("The disk format 'vmdk' is not one Duovirt makes; use qcow2 or raw.");
        assertThat(new VmSpecBuilder().name("i").memoryMiB(64).importDisk("/x.img").diskFormat("raw").problems())
                .extracting(SpecProblem::message).containsExactly("A disk format is chosen for a new disk only (--disk).");
    }

    @Test
    void aCpuModelIsANameNotMarkup() {
        assertThat(new VmSpecBuilder().name("c").memoryMiB(64).cpuModel(" host-model ").build().cpuModel()).isEqualTo("host-model");
        assertThat(new VmSpecBuilder().name("c").memoryMiB(64).cpuModel("").build().cpuModel()).isNull();
        assertThat(new VmSpecBuilder().name("c").memoryMiB(64).cpuModel("qemu64'/><x a='\n").problems())
                .extracting(SpecProblem::field).containsExactly(SpecField.CPU_MODEL);
    }

    @Test
    void networkBootIsOneBootSourceAndNeedsANetwork() {
        assertThat(new VmSpecBuilder().name("n").memoryMiB(64).networkBoot(true).network("default").build().boot())
                .isEqualTo(new VmSpec.Boot.Network());
        assertThat(new VmSpecBuilder().name("n").memoryMiB(64).networkBoot(true).problems()).extracting(SpecProblem::message)
                .containsExactly("Network boot (PXE) needs a network with DHCP for the VM's NIC.");
        assertThat(new VmSpecBuilder().name("n").memoryMiB(64).networkBoot(true).network("d").iso("/a.iso").problems())
                .extracting(SpecProblem::message).contains("Give only one boot source: a kernel, an ISO, a bootloader or the network.");
    }
}
