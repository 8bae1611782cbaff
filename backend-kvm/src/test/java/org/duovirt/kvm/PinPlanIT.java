package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmState;
import org.duovirt.core.pin.PinCapabilities;
import org.duovirt.core.pin.PinContext;
import org.duovirt.core.pin.PinPlan;
import org.duovirt.core.pin.PinPresets;
import org.duovirt.core.pin.Preset;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
import org.duovirt.core.testing.VirshPins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole pin plans on a real libvirtd (qemu:///system, TCG) with a 2-vCPU tiny guest: a preset and a
 * hand-drawn plan, live and persistent, checked with virsh vcpupin (live and --config) and emulatorpin; the
 * pins hold across a guest reboot and a destroy + start; a plan that fails half-way leaves the old pins.
 * Only domains named {@value #PREFIX}* are touched.
 */
class PinPlanIT {
    static final String PREFIX = "pin-kvm-";
    private static final String NAME = PREFIX + "plan";
    private static HostConnection host;

    @BeforeAll
    static void create() {
        cleanUp();
        host = Backends.installed().connect(LiveHost.URI);
        var guest = LiveHost.guest();
        host.create(new VmSpec(NAME, 64, 2, new VmSpec.Storage.None(),
                new VmSpec.Boot.Kernel(guest[0].toString(), guest[1].toString(), "console=ttyS0"),
                null, VirtMode.QEMU, null, null, null), ProgressListener.NONE);
        host.start(NAME);
    }

    @AfterAll
    static void close() {
        if (host != null) {
            host.close();
        }
        cleanUp();
    }

    static void cleanUp() {
        for (String name : LiveHost.domainNames()) {
            if (name.startsWith(PREFIX)) {
                if (!LiveHost.virsh("domstate", name).strip().startsWith("shut off")) {
                    LiveHost.virsh("destroy", name);
                }
                LiveHost.virsh("undefine", name);
            }
        }
    }

    /** virsh vcpupin's table as "vcpu:cpus" pairs, e.g. [0:1, 1:0]. */
    private static String inactiveCputune() {
        String xml = LiveHost.virsh("dumpxml", "--inactive", NAME);
        int from = xml.indexOf("<cputune>");
        return from < 0 ? "" : xml.substring(from, xml.indexOf("</cputune>") + "</cputune>".length()).replaceAll("\\s+", "");
    }

    private static long timedApply(PinPlan plan) {
        long t0 = System.nanoTime();
        host.applyPinning(NAME, plan, PinScope.both(), ProgressListener.NONE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("PinPlanIT: applying " + plan.describe() + " live+config took " + ms + " ms");
        return ms;
    }

    @Test
    void plansApplyWholeLiveAndPersistentSurviveRestartsAndRollBackWhenAStepFails() {
        PinContext context = PinContext.of(host.hostInfo().topology());
        assertThat(context.usableCpus()).as("this test needs a host with CPUs 0 and 1").isEqualTo(CpuSet.of(0, 1));

        // a preset: compact gives vCPU 0 CPU 0, vCPU 1 CPU 1, and the emulator whatever is left (all, here)
        PinPlan compact = PinPresets.plan(Preset.parse("compact"), 2, context, PinCapabilities.KVM);
        timedApply(compact);
        assertThat(VirshPins.vcpupin(LiveHost.URI, NAME)).containsExactly("0:0", "1:1");
        assertThat(VirshPins.vcpupin(LiveHost.URI, NAME, "--config")).containsExactly("0:0", "1:1");
        assertThat(VirshPins.emulatorpin(LiveHost.URI, NAME)).isEqualTo("0-1");

        // a hand-drawn plan, crossed over, emulator on CPU 0; the preview is what libvirt keeps
        PinPlan drawn = new PinPlan(List.of(CpuSet.of(1), CpuSet.of(0)), List.of(), CpuSet.of(0));
        String preview = host.previewPinning(NAME, drawn);
        timedApply(drawn);
        assertThat(VirshPins.vcpupin(LiveHost.URI, NAME)).containsExactly("0:1", "1:0");
        assertThat(VirshPins.vcpupin(LiveHost.URI, NAME, "--config")).containsExactly("0:1", "1:0");
        assertThat(VirshPins.emulatorpin(LiveHost.URI, NAME)).isEqualTo("0");
        assertThat(VirshPins.emulatorpin(LiveHost.URI, NAME, "--config")).isEqualTo("0");
        assertThat(inactiveCputune()).isEqualTo(preview.replaceAll("\\s+", "").replace("\"", "'"));
        assertThat(host.pinning(NAME).vcpus()).extracting(v -> v.hard().toString()).containsExactly("1", "0");

        // a guest reboot, then a host-side restart: the pins hold
        host.reboot(NAME);
        LiveHost.await("the rebooted guest to run", Duration.ofSeconds(60),
                () -> LiveHost.virsh("domstate", NAME).strip().equals("running"));
        assertThat(VirshPins.vcpupin(LiveHost.URI, NAME)).containsExactly("0:1", "1:0");
        host.destroy(NAME);
        host.start(NAME);
        assertThat(host.listVms(true).stream().filter(v -> v.name().equals(NAME)).findFirst().orElseThrow().state())
                .isEqualTo(VmState.RUNNING);
        assertThat(VirshPins.vcpupin(LiveHost.URI, NAME)).containsExactly("0:1", "1:0");
        assertThat(VirshPins.emulatorpin(LiveHost.URI, NAME)).isEqualTo("0");

        // half-way failure: the host "vanishes" before the config step of vCPU 1; what was applied is undone
        PinPlan other = new PinPlan(List.of(CpuSet.of(0), CpuSet.of(1)), List.of(), CpuSet.of(1));
        ProgressListener vanishing = (step, fraction) -> {
            if (step.equals("vCPU 1 (config)")) {
                throw new HostUnreachableException("The host stopped answering.", null, null);
            }
        };
        assertThatThrownBy(() -> host.applyPinning(NAME, other, PinScope.both(), vanishing))
                .isInstanceOf(HostUnreachableException.class)
                .hasMessage("Pinning '" + NAME + "' failed at vCPU 1 (config) (The host stopped answering); "
                        + "the 4 steps already applied were undone, so it keeps its old pins.");
        assertThat(VirshPins.vcpupin(LiveHost.URI, NAME)).containsExactly("0:1", "1:0");
        assertThat(VirshPins.vcpupin(LiveHost.URI, NAME, "--config")).containsExactly("0:1", "1:0");
        assertThat(VirshPins.emulatorpin(LiveHost.URI, NAME)).isEqualTo("0");
        assertThat(VirshPins.emulatorpin(LiveHost.URI, NAME, "--config")).isEqualTo("0");

        // a failure from libvirt itself: a live-only plan on a stopped VM is refused before anything changes
        host.destroy(NAME);
        assertThatThrownBy(() -> host.applyPinning(NAME, other, EnumSet.of(PinScope.LIVE), ProgressListener.NONE))
                .hasMessageContaining("is not running");
        assertThat(VirshPins.vcpupin(LiveHost.URI, NAME, "--config")).containsExactly("0:1", "1:0");
    }
}
