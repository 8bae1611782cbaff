package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.duovirt.core.testing.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code duovirt add-device VM tpm} and {@code remove-device} on the real libvirtd, where bin/setup installed swtpm:
 * the host's first model (tpm-crb) by default, a second TPM and a model that is not one refused in one sentence,
 * the TPM's id from {@code hardware --json}, removed again; virsh is the witness.
 */
class CliTpmIT {
    private static final String URI = "qemu:///system";
    private static final String VM = "kvmhw-cli-tpm-" + ProcessHandle.current().pid();
    private static final CliAgainst CLI = new CliAgainst(URI);

    @AfterAll
    static void tidy() {
        CliRun.of("delete", VM, "-c", URI);
    }

    private static String saved() {
        return Commands.ok(List.of("virsh", "-c", URI, "dumpxml", "--inactive", VM), Duration.ofSeconds(60));
    }

    @Test
    void aTpmIsAddedWithTheHostsFirstModelRefusedTwiceAndRemovedById() throws Exception {
        CLI.ok("create", "--name", VM, "--memory", "64", "--virt-type", "qemu");
        CliRun added = CLI.ok("add-device", VM, "tpm");
        assertThat(added.out().strip()).isEqualTo("Added a TPM (tpm-crb) to VM '" + VM + "' (saved; it takes effect at the next start).");
        assertThat(saved()).contains("<tpm model='tpm-crb'>").contains("<backend type='emulator' version='2.0'");

        assertThat(CLI.fails("add-device", VM, "tpm", "--type", "tpm-tis").err())
                .contains("cannot have a TPM: The VM has a TPM already; remove it first to add another.");
        assertThat(CLI.fails("add-device", VM, "tpm", "--type", "passthrough").err())
                .contains("'passthrough' is not a choice for a TPM: use tpm-crb or tpm-tis.");

        JsonNode devices = CLI.json("hardware", VM).get("devices");
        String id = StreamSupport.stream(devices.spliterator(), false).filter(d -> d.get("kind").asText().equals("tpm"))
                .findFirst().orElseThrow().get("id").asText();
        assertThat(id).matches("tpm\\d+");
        CLI.ok("remove-device", VM, id);
        assertThat(saved()).doesNotContain("<tpm");
        CLI.ok("delete", VM);
    }
}
