package org.duovirt.kvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.duovirt.core.model.VirtMode;

/**
 * Whether domain type kvm can really run guests on the local machine. libvirt offers kvm whenever
 * /dev/kvm opens, but some kernels (e.g. the kvm_pvm module) expose /dev/kvm on CPUs without VT-x or AMD-V,
 * and guests then hang at boot. Without the vmx or svm CPU flag, kvm is dropped from what the host offers,
 * so the wizard greys it out and a create without a mode picks qemu. Remote hosts are taken at their word.
 */
final class KvmAcceleration {
    private static final Pattern FLAG = Pattern.compile("^flags\\s*:.*\\b(vmx|svm)\\b", Pattern.MULTILINE);

    private KvmAcceleration() {
    }

    static HostCapabilities adjust(HostCapabilities caps, boolean local, Path cpuinfo) {
        if (!local || !caps.domainTypes().contains("kvm") || hardwareAssisted(cpuinfo)) {
            return caps;
        }
        List<String> types = caps.domainTypes().stream().filter(t -> !t.equals("kvm")).toList();
        Set<VirtMode> modes = caps.modes().stream().filter(m -> m != VirtMode.KVM).collect(java.util.stream.Collectors.toSet());
        return new HostCapabilities(caps.cpuModel(), caps.arch(), caps.topology(), types, modes);
    }

    static boolean hardwareAssisted(Path cpuinfo) {
        try {
            return FLAG.matcher(Files.readString(cpuinfo)).find();
        } catch (IOException e) {
            return true; // cannot tell: trust libvirt
        }
    }
}
