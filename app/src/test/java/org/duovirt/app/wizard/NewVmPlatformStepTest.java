package org.duovirt.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.host.Sessions.await;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import org.duovirt.app.Messages;
import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.core.model.CpuModelOption;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.VirtMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The platform page's CPU model without a window: what the host offers for the chosen type, greyed ones, the spec. */
class NewVmPlatformStepTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final CreatingHost host = new CreatingHost();
    private HostSession session;

    @BeforeEach
    void open() {
        Messages.use(Locale.ENGLISH);
        session = Sessions.connected(host);
    }

    private NewVmViewModel vm() {
        NewVmViewModel vm = new NewVmViewModel(ui, FXCollections.observableArrayList(session), session);
        await("host facts", () -> !vm.limitsProperty().get().isEmpty());
        vm.nameProperty().set("wiz-cpu");
        vm.kernelProperty().set("/boot/vmlinuz");
        return vm;
    }

    @Test
    void underQemuHostPassthroughIsGreyedWithItsReasonAndANamedModelGoesIntoTheSpec() {
        NewVmViewModel vm = vm();
        assertThat(vm.modeProperty().get()).isEqualTo(VirtMode.QEMU);
        await("the host's CPU models", () -> vm.cpuModel().options().size() == 3);
        assertThat(host.calls).contains("cpu-models QEMU");
        assertThat(vm.cpuModel().options().get(0)).extracting(CpuModelOption::name, CpuModelOption::available)
                .containsExactly("host-passthrough", false);
        assertThat(vm.cpuModel().greyedProperty().get()).isEqualTo("host-passthrough needs hardware virtualization (KVM).");
        assertThat(vm.specOrNull().cpuModel()).as("the default").isNull();
        vm.cpuModel().modelProperty().set("qemu64");
        assertThat(vm.specOrNull().cpuModel()).isEqualTo("qemu64");
        vm.cpuModel().modelProperty().set("qemu64\"/><cpu mode='x");
        assertThat(vm.problemProperty(SpecField.CPU_MODEL).get()).startsWith("The CPU model 'qemu64\"/><cpu mode='x' may hold only");
        assertThat(vm.pageValid(WizardPage.PLATFORM)).isFalse();
        vm.cpuModel().modelProperty().set("host-model");
        assertThat(vm.pageValid(WizardPage.PLATFORM)).isTrue();
    }

    @Test
    void aModelThatStopsApplyingWhenTheTypeChangesIsDropped() {
        NewVmViewModel vm = vm();
        await("the host's CPU models", () -> vm.cpuModel().options().size() == 3);
        vm.cpuModel().show(java.util.List.of(new CpuModelOption("host-passthrough", true, null)));
        vm.cpuModel().modelProperty().set("host-passthrough");
        vm.cpuModel().show(host.cpuModels(VirtMode.QEMU));
        assertThat(vm.cpuModel().modelProperty().get()).isEmpty();
        assertThat(vm.specOrNull().cpuModel()).isNull();
    }

    @Test
    void aXenHostOffersNoCpuModelAndTheWizardCreatesWithTheChosenOneOnKvm() throws Exception {
        host.xen = true;
        HostSession xen = Sessions.connected(host);
        NewVmViewModel onXen = new NewVmViewModel(ui, FXCollections.observableArrayList(xen), xen);
        await("host facts", () -> !onXen.limitsProperty().get().isEmpty());
        assertThat(onXen.cpuModel().offeredProperty().get()).isFalse();
        assertThat(onXen.cpuModel().greyedProperty().get()).as("the greyed control says why, in one sentence")
                .isEqualTo("Xen's xl has no named CPU models like libvirt's: a Xen guest always sees the host's CPU.");
        onXen.cpuModel().modelProperty().set("host-model");
        onXen.nameProperty().set("x");
        onXen.kernelProperty().set("/k");
        assertThat(onXen.specOrNull().cpuModel()).isNull();
        host.xen = false;
        NewVmLauncher launcher = WizardWalk.launcher(ui, dialogs, session);
        dialogs.answerWizard(m -> {
            NewVmViewModel vm = (NewVmViewModel) m;
            await("host facts", () -> !vm.limitsProperty().get().isEmpty());
            vm.nameProperty().set("wiz-cpu-made");
            vm.kernelProperty().set("/boot/vmlinuz");
            WizardWalk.toSummary(vm, p -> {
                if (p == WizardPage.PLATFORM) {
                    await("models", () -> !vm.cpuModel().options().isEmpty());
                    vm.cpuModel().modelProperty().set("host-model");
                }
            });
            return true;
        });
        assertThat(launcher.launch(session).get(10, TimeUnit.SECONDS)).isEqualTo("wiz-cpu-made");
        assertThat(host.created.cpuModel()).isEqualTo("host-model");
    }
}
