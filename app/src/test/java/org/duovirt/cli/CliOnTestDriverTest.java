package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The CLI over libvirt's built-in test driver (inside libvirt0, no daemon): fast checks of shapes and flows. */
class CliOnTestDriverTest {
    private static final String URI = "test:///default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String... args) throws Exception {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("-c", URI, "--json"))
                .toArray(String[]::new);
        CliRun run = CliRun.of(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void listPrintsTheDocumentedFields() throws Exception {
        JsonNode vm = json("list", "--all").get(0);
        assertThat(vm.get("name").asText()).isEqualTo("test");
        assertThat(vm.get("state").asText()).isEqualTo("running");
        assertThat(vm.get("vcpus").asInt()).isEqualTo(2);
        assertThat(vm.get("memoryMiB").asLong()).isEqualTo(2048);
        assertThat(vm.get("uuid").asText()).hasSize(36);
    }

    @Test
    void hostShowsTopologyWithNumaCells() throws Exception {
        JsonNode host = json("host");
        JsonNode topology = host.get("topology");
        assertThat(topology.get("cpus").asInt()).isEqualTo(16);
        assertThat(topology.get("numaCells")).hasSize(2);
        assertThat(topology.get("numaCells").get(1).get("cpus").toString()).isEqualTo("[8,9,10,11,12,13,14,15]");
    }

    @Test
    void unknownVmIsOneSentenceWithAHint() {
        CliRun run = CliRun.of("info", "no-such-vm", "-c", URI);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("duovirt: ").contains("no-such-vm").contains("list --all");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void pauseWorksAndResumingARunningVmIsOneClearError() {
        // Each CLI run is a new connection, and the test driver gives each connection a fresh host,
        // so the second run sees 'test' running again: resuming it must fail with one clear line.
        CliRun pause = CliRun.of("pause", "test", "-c", URI);
        assertThat(pause.exitCode()).as(pause.err()).isZero();
        assertThat(pause.out().strip()).isEqualTo("VM 'test' paused.");
        CliRun resume = CliRun.of("resume", "test", "-c", URI);
        assertThat(resume.exitCode()).isEqualTo(1);
        assertThat(resume.err().strip()).startsWith("duovirt: Resuming VM 'test' failed").contains("not paused");
    }

    @Test
    void unsupportedOperationsFailTheSameWayEverywhere() {
        CliRun run = CliRun.of("cpupools", "-c", URI);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("duovirt: CPU pools is not supported by KVM (libvirt).");
    }

    // --- details: hardware list (issue 10) ---
    @Test
    void hardwareListsTheDevicesWithTheirSettingsAsTheDetailsPagesDo() throws Exception {
        JsonNode hw = json("hardware", "test");
        assertThat(hw.get("bootOrder").toString()).isEqualTo("[\"hd\"]");
        assertThat(hw.get("maxMemoryMiB").asLong()).isEqualTo(8192);
        JsonNode disk = hw.get("devices").get(0);
        assertThat(disk.get("kind").asText()).isEqualTo("disk");
        assertThat(disk.get("id").asText()).isEqualTo("vda");
        assertThat(disk.get("settings").get("source").asText()).isEqualTo("/guest/diskimage1");
        assertThat(disk.get("settings").get("bus").asText()).isEqualTo("virtio");
        assertThat(hw.get("devices").get(1).get("settings").get("mac").asText()).isEqualTo("aa:bb:cc:dd:ee:ff");
        CliRun text = CliRun.of("hardware", "test", "-c", URI);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Boot order:   hd").contains("disk          vda           device=disk source=/guest/diskimage1");
    }
}
