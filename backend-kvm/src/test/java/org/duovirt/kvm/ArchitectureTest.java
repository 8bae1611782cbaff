package org.duovirt.kvm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.duovirt.kvm");

    @Test
    void theBackendDependsOnlyOnCoreAndLibvirt() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.duovirt.app..", "org.duovirt.xen..")
                .because("backends reach the app only through the core SPI").check(classes);
    }
}
