package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.duovirt.core.testing.VirshPins;
import org.duovirt.core.testing.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * duovirt pin --preset / --plan against the real libvirtd (qemu:///system, TCG) with a 2-vCPU tiny guest,
 * checked with virsh vcpupin (live and --config) and emulatorpin: a preset, then a saved pinning edited and
 * applied again as a plan. The VM is named pin-cli-PID.
 */
class CliPinPlanIT {
    private static final String URI = "qemu:///system";
    private static final String VM = "pin-cli-" + ProcessHandle.current().pid();
    private static final CliAgainst CLI = new CliAgainst(URI);

    @TempDir
    Path dir;

    @BeforeAll
    static void createAndStart() throws Exception {
        Path guest = Repository.buildGuest(Path.of("/var/lib/libvirt/images/duovirt-test-cli"));
        CLI.json("create", "--name", VM, "--memory", "64", "--vcpus", "2", "--kernel", guest.resolve("vmlinuz").toString(),
                "--initrd", guest.resolve("initrd.gz").toString(), "--cmdline", "console=ttyS0", "--virt-type", "qemu", "--start");
    }

    @AfterAll
    static void removeLeftovers() {
        CliRun.of("destroy", VM, "-c", URI);
        CliRun.of("delete", VM, "-c", URI);
    }

    @Test
    void aPresetThenASavedAndEditedPlanAreAppliedLiveAndPersistently() throws Exception {
        JsonNode dry = CLI.json("pin", VM, "--preset", "compact", "--dry-run");
        assertThat(dry.get("applied").asBoolean()).isFalse();
        assertThat(VirshPins.vcpupin(URI, VM)).containsExactly("0:0-1", "1:0-1");

        JsonNode compact = CLI.json("pin", VM, "--preset", "compact");
        System.out.println("CliPinPlanIT: pin --preset compact applied in " + compact.get("applyMillis") + " ms");
        assertThat(VirshPins.vcpupin(URI, VM)).containsExactly("0:0", "1:1");
        assertThat(VirshPins.vcpupin(URI, VM, "--config")).containsExactly("0:0", "1:1");

        // save what pinning prints, cross the vCPUs over and put the emulator on CPU 1, apply it as a plan
        String saved = CLI.ok("pinning", VM, "--json").out();
        String edited = saved.replace("\"cpus\":[0]", "\"cpus\":[9]").replace("\"cpus\":[1]", "\"cpus\":[0]").replace("\"cpus\":[9]", "\"cpus\":[1]")
                .replaceAll("\"emulatorCpus\":\\[[0-9,]*\\]", "\"emulatorCpus\":[1]");
        Path file = Files.writeString(dir.resolve("plan.json"), edited);
        JsonNode applied = CLI.json("pin", VM, "--plan", file.toString());
        assertThat(applied.get("warnings").toString()).contains("emulator threads share CPUs 1 with vCPUs 0");
        assertThat(VirshPins.vcpupin(URI, VM)).containsExactly("0:1", "1:0");
        assertThat(VirshPins.vcpupin(URI, VM, "--config")).containsExactly("0:1", "1:0");
        assertThat(VirshPins.emulatorpin(URI, VM)).isEqualTo("1");
        assertThat(VirshPins.emulatorpin(URI, VM, "--config")).isEqualTo("1");

        // unpin all
        CLI.json("pin", VM, "--preset", "none");
        assertThat(VirshPins.vcpupin(URI, VM)).containsExactly("0:0-1", "1:0-1");
        assertThat(VirshPins.vcpupin(URI, VM, "--config")).containsExactly("0:0-1", "1:0-1");
    }
}
