package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.duovirt.core.model.VirtMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kvm is offered only where the CPU has VT-x or AMD-V; remote hosts are believed. */
class KvmAccelerationTest {
    @TempDir
    Path dir;
    private final HostCapabilities both = new HostCapabilities("cpu", "x86_64", null, List.of("qemu", "kvm"),
            Set.of(VirtMode.QEMU, VirtMode.KVM));

    @Test
    void withoutVmxOrSvmKvmIsDroppedLocally() throws Exception {
        Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"), "processor : 0\nflags : fpu vme de pse hypervisor\n");
        HostCapabilities adjusted = KvmAcceleration.adjust(both, true, cpuinfo);
        assertThat(adjusted.domainTypes()).containsExactly("qemu");
        assertThat(adjusted.modes()).containsExactly(VirtMode.QEMU);
        assertThat(adjusted.defaultDomainType()).isEqualTo("qemu");
        assertThat(KvmAcceleration.adjust(both, false, cpuinfo)).isSameAs(both);
    }

    @Test
    void withVmxKvmStays() throws Exception {
        Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"), "processor : 0\nflags : fpu vmx sse\n");
        assertThat(KvmAcceleration.adjust(both, true, cpuinfo)).isSameAs(both);
    }
}
