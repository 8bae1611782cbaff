package org.duovirt.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.duovirt.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule coreIsHypervisorAndUiNeutral = noClasses().that().resideInAPackage("org.duovirt.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.duovirt.app..", "org.duovirt.cli..",
                    "org.duovirt.kvm..", "org.duovirt.xen..", "org.libvirt..", "com.sun.jna..")
            .because("core is the hypervisor-neutral model every backend and the UI share");

    @ArchTest
    static final ArchRule onlyTheSharedSshPackageUsesJsch = noClasses().that().resideInAPackage("org.duovirt.core..")
            .and().resideOutsideOfPackage("org.duovirt.core.ssh..")
            .should().dependOnClassesThat().resideInAnyPackage("com.jcraft..")
            .because("the SSH session both backends share lives in org.duovirt.core.ssh alone (ADR 0013)");

    @ArchTest
    static final ArchRule rfbKnowsNoUiToolkit = noClasses().that().resideInAPackage("org.duovirt.core.rfb..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..",
                    "org.duovirt.core.spi..")
            .because("the RFB client decodes into plain int[] pixels, shared by the CLI and the app, testable on recorded streams");
}
