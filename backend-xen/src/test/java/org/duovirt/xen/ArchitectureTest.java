package org.duovirt.xen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.duovirt.xen", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule xenBackendUsesOnlyCore = noClasses().that().resideInAPackage("org.duovirt.xen..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.duovirt.app..", "org.duovirt.cli..",
                    "org.duovirt.kvm..", "org.libvirt..")
            .because("backends import only core; the app reaches them through the SPI");

    @ArchTest
    static final ArchRule parsersAndConfigRunNothing = noClasses().that().resideInAnyPackage("org.duovirt.xen.parse..",
                    "org.duovirt.xen.config..")
            .should().dependOnClassesThat().resideInAnyPackage("org.duovirt.xen.transport..", "com.jcraft..")
            .because("parsers and the cfg writer are pure functions of text, tested with golden files");
}
