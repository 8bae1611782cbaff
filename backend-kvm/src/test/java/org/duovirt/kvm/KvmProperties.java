package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import org.duovirt.core.testing.HostileStrings;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSpecValidator;
import org.duovirt.core.spi.ConnectOptions;
import org.w3c.dom.Element;

/**
 * Random hostile strings against the KVM side: the URI policy answers every URI in sentences and
 * never lets a program parameter through unconfirmed, and domain XML written for any name the
 * validator accepts reads back with exactly that name and paths.
 */
class KvmProperties {
    @Provide
    Arbitrary<String> hostile() {
        return HostileStrings.upTo(30, true);
    }

    @Property
    void theUriPolicyAnswersEveryUriAndAProgramNeedsConfirmation(@ForAll("hostile") String value,
                                                                @ForAll("transports") String scheme) {
        URI uri;
        try {
            uri = new URI(scheme + "://h/system?command=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        } catch (URISyntaxException e) {
            return;
        }
        List<String> strict;
        try {
            strict = KvmUriPolicy.problems(uri, ConnectOptions.STRICT);
        } catch (DuovirtException e) {
            return;
        }
        assertThat(strict).isNotEmpty().allMatch(s -> s.endsWith("."));
    }

    @Provide
    Arbitrary<String> transports() {
        return Arbitraries.of("qemu", "qemu+ssh", "qemu+ext", "qemu+libssh2", "qemu+tcp", "qemu+tls", "qemu+unix", "test+ssh");
    }

    @Property
    void domainXmlForAnyAcceptedNameReadsBackWithThatNameAndPath(@ForAll("hostile") String name, @ForAll("hostile") String path) {
        if (VmSpecValidator.nameProblem(name) != null) {
            return;
        }
        String kernel = "/boot/" + path;
        DomainPlan plan = new DomainPlan(name, 65536, 1, "qemu", "x86_64", new VmSpec.Boot.Kernel(kernel, null, path), VmSpec.Firmware.BIOS,
                null, null, false, null, List.of());
        String xml;
        try {
            xml = DomainXmlWriter.write(plan);
        } catch (DuovirtException e) {
            return;
        }
        Element root = Xml.parse(xml);
        // The DOM's own text (Xml.text strips indentation whitespace, which these values may hold).
        assertThat(Xml.child(root, "name").getTextContent()).isEqualTo(name);
        assertThat(Xml.path(root, "os", "kernel").getTextContent()).isEqualTo(kernel);
        Element cmdline = Xml.path(root, "os", "cmdline");
        assertThat(cmdline == null ? "" : cmdline.getTextContent()).isEqualTo(path.isBlank() ? "" : path);
    }
}
