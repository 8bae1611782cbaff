package org.duovirt.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.duovirt", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule appReachesBackendsOnlyThroughTheSpi = noClasses()
            .that().resideInAnyPackage("org.duovirt.app..", "org.duovirt.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.duovirt.kvm..", "org.duovirt.xen..", "org.libvirt..", "com.jcraft..")
            .because("backends are plugins found with ServiceLoader; a new hypervisor must not need an app change");

    @ArchTest
    static final ArchRule cliDoesNotTouchJavaFx = noClasses().that().resideInAPackage("org.duovirt.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the CLI runs on machines without a display");
}
