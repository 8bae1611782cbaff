package org.duovirt.cli;

import org.duovirt.core.testing.Repository;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/support-matrix.md is the backend × operation table that {@code duovirt backends} prints. The test fails
 * when a backend's implemented features change and the doc was not regenerated
 * ({@code -Dduovirt.updateDocs=true} rewrites it).
 */
class SupportMatrixTest {
    @Test
    void docsMatchWhatTheInstalledBackendsImplement() throws Exception {
        CliRun run = CliRun.of("backends");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("KVM (libvirt)").contains("Xen (xl)");
        String expected = "# Support matrix\n\nWhat each backend implements (`duovirt backends`; checked by SupportMatrixTest).\n"
                + "A host may support less: the UI greys out what `HostConnection.features()` lacks.\n\n```\n" + run.out() + "```\n";
        Path doc = Repository.root().resolve("docs/support-matrix.md");
        if (Boolean.getBoolean("duovirt.updateDocs")) {
            Files.writeString(doc, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "")
                .as("docs/support-matrix.md is stale: run mvn -pl app -am test -Dtest=SupportMatrixTest -Dduovirt.updateDocs=true")
                .isEqualTo(expected);
    }
}
