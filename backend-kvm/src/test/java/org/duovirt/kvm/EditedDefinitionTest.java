package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.tools.LocalTools;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The checks of an edited definition before anything is made, with libvirt's schema (virt-xml-validate) where installed. */
class EditedDefinitionTest {
    private static final String OK = "<domain type='qemu'><name>it's \"q\"</name><memory>65536</memory><os><type>hvm</type></os></domain>";

    @Test
    void aValidEditHasNoProblem() {
        assertThat(EditedDefinition.problems("it's \"q\"", OK)).isEmpty();
    }

    @Test
    void malformedXmlAnotherRootAndARenameAreRefusedInOneSentenceEach() {
        assertThat(EditedDefinition.problems("v", "<domain><name>v</name>")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("The edited definition cannot be used: it is not well-formed XML (")
                        .doesNotContain("\n"));
        assertThat(EditedDefinition.problems("v", "<network><name>v</name></network>")).extracting(SpecProblem::message)
                .containsExactly("The edited definition cannot be used: its root element is <network>, not <domain>.");
        assertThat(EditedDefinition.problems("v", OK)).extracting(SpecProblem::field, SpecProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SpecField.DEFINITION,
                        "The edited definition cannot be used: the name must stay 'v' (change it on the first page)."));
    }

    @Test
    void theSchemasComplaintIsQuotedWithItsLineAndWithoutTheTemporaryFile() {
        assertThat(EditedDefinition.firstComplaint("/tmp/duovirt-edited-1.xml:3: element bogus: Relax-NG validity error : Element domain has"
                + " extra content: bogus\n/tmp/duovirt-edited-1.xml fails to validate\n", "/tmp/duovirt-edited-1.xml"))
                .isEqualTo("line 3: Element domain has extra content: bogus");
    }

    @Test
    void libvirtsSchemaRefusesAnUnknownElement() {
        Assumptions.assumeTrue(LocalTools.onPath("virt-xml-validate") && LocalTools.onPath("xmllint"),
                "virt-xml-validate and xmllint (libvirt-clients, libxml2-utils; bin/setup installs them)");
        String bogus = OK.replace("<os>", "<bogus/>\n<os>");
        assertThat(EditedDefinition.problems("it's \"q\"", bogus)).extracting(SpecProblem::message)
                .containsExactly("The edited definition cannot be used: libvirt's schema refuses it: line 1: Element domain has extra content: bogus.");
    }
}
