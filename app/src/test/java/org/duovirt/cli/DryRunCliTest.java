package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** duovirt create --dry-run on libvirt's test driver: every problem on stderr, or the domain XML, nothing made. */
class DryRunCliTest {
    @Test
    void aSpecWithProblemsPrintsThemAllAndFails() {
        CliRun run = CliRun.of("create", "-c", "test:///default", "--dry-run", "--name", "test", "--memory", "99999999",
                "--network", "wiz-nonet");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("A VM named 'test' already exists").contains("more than the host's")
                .contains("There is no network 'wiz-nonet'");
    }

    @Test
    void aSpecWithProblemsAsJsonListsFieldAndMessage() {
        CliRun run = CliRun.of("create", "-c", "test:///default", "--dry-run", "--json", "--name", "test", "--memory", "64");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"field\"").contains("\"name\"").contains("already exists");
    }

    @Test
    void aGoodSpecPrintsTheDefinitionAndDefinesNothing() {
        CliRun run = CliRun.of("create", "-c", "test:///default", "--dry-run", "--name", "wiz-dry <&>", "--memory", "64",
                "--machine", "pc", "--os", "debian12", "--firmware", "bios");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("<domain").contains("<name>wiz-dry &lt;&amp;&gt;</name>").contains("machine=\"pc\"")
                .contains("<duovirt:os id=\"http://debian.org/debian/12\"/>").contains("<libosinfo:os id=\"http://debian.org/debian/12\"/>");
        assertThat(run.out().lines()).as("the XML keeps its lines").anyMatch(l -> l.strip().startsWith("<name>"));
        CliRun list = CliRun.of("list", "-c", "test:///default", "--all");
        assertThat(list.out()).doesNotContain("wiz-dry");
    }

    @Test
    void osPresetsSearchListsOsinfoAndOurNewerReleases() {
        CliRun run = CliRun.of("os-presets", "--search", "debian", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"shortId\":\"debian12\"").contains("\"id\":\"http://debian.org/debian/12\"");
        CliRun text = CliRun.of("os-presets", "--search", "ubuntu 24.04");
        assertThat(text.out()).startsWith("ubuntu24.04");
    }

    @Test
    void noGraphicsIsAXenChoiceAKvmVmKeepsItsVncConsole() {
        CliRun run = CliRun.of("create", "-c", "test:///default", "--dry-run", "--name", "wiz-nog", "--memory", "64", "--no-graphics");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("A KVM VM always gets its VNC console on 127.0.0.1; leave the graphical console on.");
        assertThat(CliRun.of("create", "-c", "test:///default", "--dry-run", "--name", "wiz-g", "--memory", "64", "--graphics")
                .out()).contains("<graphics type=\"vnc\"");
    }

    @Test
    void anUnknownOsIsRefusedWithWhereToLook() {
        CliRun run = CliRun.of("create", "-c", "test:///default", "--dry-run", "--name", "wiz-x", "--memory", "64", "--os", "nosuchos9");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("There is no OS preset 'nosuchos9'; see duovirt os-presets --search nosuchos.");
    }
}
