package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.duovirt.app.ui.UiTestSupport;
import org.junit.jupiter.api.Test;

/**
 * rename and desc over the test driver's mixed fixture (each CLI run gets a fresh host from the file): hostile
 * names and text work, a running VM or a taken name is refused in one line.
 */
class CliOverviewTest {
    private static final String URI = UiTestSupport.mixedFixtureUri();

    @Test
    void renameTakesAHostileNameAndRefusesARunningVmOrATakenName() throws Exception {
        CliRun ok = CliRun.of("rename", "build-runner", "runner \"q\" <é> $(id) ✓", "-c", URI, "--json");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        var json = new ObjectMapper().readTree(ok.out());
        assertThat(json.get("name").asText()).isEqualTo("runner \"q\" <é> $(id) ✓");
        assertThat(json.get("was").asText()).isEqualTo("build-runner");

        CliRun running = CliRun.of("rename", "web-frontend-01", "web-x", "-c", URI);
        assertThat(running.exitCode()).isEqualTo(1);
        assertThat(running.err().strip()).isEqualTo(
                "duovirt: VM 'web-frontend-01' is running and libvirt renames only shut-off VMs. Shut the VM down, then rename it.");
        CliRun taken = CliRun.of("rename", "build-runner", "db-primary", "-c", URI);
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err().strip()).contains("a VM named 'db-primary' already exists on this host");
        assertThat(taken.err().lines().count()).isEqualTo(1);
        CliRun newline = CliRun.of("rename", "build-runner", "a\nb", "-c", URI);
        assertThat(newline.exitCode()).isEqualTo(1);
        assertThat(newline.err()).contains("control characters").hasLineCount(1);
    }

    @Test
    void descSetsHostileTextOnSeveralLinesAndRefusesControlCharacters() {
        CliRun set = CliRun.of("desc", "build-runner", "--set", "builds \"fast\" <b> $(id)\nline two", "-c", URI);
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out().strip()).isEqualTo("Description of VM 'build-runner' saved.");
        CliRun bell = CliRun.of("desc", "build-runner", "--set", "bell\u0007", "-c", URI);
        assertThat(bell.exitCode()).isEqualTo(1);
        assertThat(bell.err()).contains("U+0007").hasLineCount(1);
        CliRun show = CliRun.of("desc", "build-runner", "-c", URI);
        assertThat(show.exitCode()).as(show.err()).isZero();
    }

    @Test
    void diskCacheSetsAModeAndRefusesAWordThatIsNotOne() {
        CliRun ok = CliRun.of("disk-cache", "build-runner", "vda", "writeback", "-c", URI);
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out().strip()).isEqualTo("Disk vda of VM 'build-runner' now has cache mode writeback (from its next start).");
        CliRun bad = CliRun.of("disk-cache", "build-runner", "vda", "fast'$(id)", "-c", URI);
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("'fast'$(id)' is not a cache mode; use one of default, none").hasLineCount(1);
    }
}
