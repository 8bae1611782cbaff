package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSpecBuilder;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** check() and preview() on libvirt's test driver: every problem at once, the XML create would define, nothing made. */
class DryRunTestDriverTest {
    private HostConnection host;

    @BeforeEach
    void connect() {
        host = Backends.installed().connect("test:///default");
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void checkReportsEveryHostProblemAtOnceWithItsField() {
        VmSpec spec = new VmSpecBuilder().name("test").memoryMiB(1L << 40).vcpus(1)
                .kernel("/nonexistent/wiz-vmlinuz", null, null).newDisk(1_000_000.0, "default-pool").network("wiz-nonet").build();
        List<SpecProblem> problems = host.check(spec);
        assertThat(problems).extracting(SpecProblem::field)
                .contains(SpecField.NAME, SpecField.MEMORY, SpecField.BOOT, SpecField.STORAGE, SpecField.NETWORK);
        assertThat(problems).extracting(SpecProblem::message)
                .contains("A VM named 'test' already exists on test:///default.",
                        "There is no network 'wiz-nonet' on test:///default.")
                .anyMatch(m -> m.startsWith("A new disk of 1000000.0 GiB is larger than all of pool 'default-pool' (100.0 GiB)."))
                .anyMatch(m -> m.startsWith("The kernel '/nonexistent/wiz-vmlinuz' does not exist"));
        assertThat(host.listVms(true)).extracting(VmSummary::name).containsExactly("test");
    }

    @Test
    void aMissingNamedPoolIsAProblem() {
        VmSpec spec = new VmSpecBuilder().name("wiz-p").memoryMiB(64).newDisk(1.0, "wiz-nopool").build();
        assertThat(host.check(spec)).extracting(SpecProblem::message)
                .containsExactly("There is no storage pool 'wiz-nopool' on test:///default.");
    }

    @Test
    void aGoodSpecHasNoProblemsAndPreviewsTheDomainXmlWithoutDefiningIt() {
        String hostile = "wiz-\"q\" <&> $(x) ü";
        VmSpec spec = new VmSpecBuilder().name(hostile).memoryMiB(96).vcpus(1).newDisk(0.1, "default-pool")
                .machine("pc").osVariant("http://debian.org/debian/12").network("default").build();
        assertThat(host.check(spec)).isEmpty();
        String xml = host.preview(spec);
        Element domain = Xml.parse(xml);
        assertThat(Xml.text(Xml.child(domain, "name"))).isEqualTo(hostile);
        assertThat(Xml.attr(Xml.path(domain, "os", "type"), "machine")).isEqualTo("pc");
        assertThat(xml).contains("<libosinfo:os id=\"http://debian.org/debian/12\"").contains("default-pool");
        assertThat(Xml.attr(Xml.path(domain, "devices", "disk", "source"), "file")).isEqualTo("/default-pool/wiz-_q________x___.qcow2");
        assertThat(host.listVms(true)).extracting(VmSummary::name).containsExactly("test");
    }
}
