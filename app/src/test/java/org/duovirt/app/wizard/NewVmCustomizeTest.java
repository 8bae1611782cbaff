package org.duovirt.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.host.Sessions.await;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.duovirt.app.Messages;
import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.core.model.SpecField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Customize before install" without a window: the edit starts from the preview, goes through the host's dry run,
 * a refused one blocks Finish with its sentence, a valid one is what the create gets, cancel makes nothing.
 */
class NewVmCustomizeTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final CreatingHost host = new CreatingHost();
    private HostSession session;
    private NewVmLauncher launcher;

    @BeforeEach
    void open() {
        Messages.use(Locale.ENGLISH);
        session = Sessions.connected(host);
        launcher = WizardWalk.launcher(ui, dialogs, session);
    }

    private static void toSummary(NewVmViewModel vm, String name) {
        await("host facts", () -> !vm.limitsProperty().get().isEmpty());
        vm.nameProperty().set(name);
        vm.kernelProperty().set("/boot/vmlinuz");
        WizardWalk.toSummary(vm, p -> { });
        await("preview", () -> !vm.previewProperty().get().isEmpty());
    }

    @Test
    void aRefusedEditBlocksFinishWithItsSentenceAndAValidEditIsWhatIsCreated() throws Exception {
        dialogs.answerWizard(m -> {
            NewVmViewModel vm = (NewVmViewModel) m;
            toSummary(vm, "wiz-custom");
            String generated = vm.previewProperty().get();
            vm.customizeProperty().set(true);
            assertThat(vm.customDefinitionProperty().get()).as("starts from the preview").isEqualTo(generated);
            assertThat(vm.specOrNull().definition()).isEqualTo(generated);
            vm.customDefinitionProperty().set("<oops/>");
            await("the host's dry run", () -> vm.problemProperty(SpecField.DEFINITION).get() != null);
            assertThat(vm.problemProperty(SpecField.DEFINITION).get()).isEqualTo("The edited definition cannot be used: its root element is not <domain>.");
            assertThat(vm.pageValid(WizardPage.SUMMARY)).isFalse();
            vm.customDefinitionProperty().set("");
            assertThat(vm.problemProperty(SpecField.DEFINITION).get()).isEqualTo("The edited definition is empty; untick Customize to use the generated one.");
            vm.customDefinitionProperty().set("<domain><name>wiz-custom</name><description>it's \"mine\" &amp; $(x)</description></domain>");
            await("valid", () -> vm.pageValid(WizardPage.SUMMARY));
            return true;
        });
        assertThat(launcher.launch(session).get(10, TimeUnit.SECONDS)).isEqualTo("wiz-custom");
        assertThat(host.created.definition()).isEqualTo("<domain><name>wiz-custom</name><description>it's \"mine\" &amp; $(x)</description></domain>");
    }

    @Test
    void untickingGoesBackToTheGeneratedDefinitionAndCancelMakesNothing() throws Exception {
        dialogs.answerWizard(m -> {
            NewVmViewModel vm = (NewVmViewModel) m;
            toSummary(vm, "wiz-uncustom");
            vm.customizeProperty().set(true);
            vm.customDefinitionProperty().set("<oops/>");
            vm.customizeProperty().set(false);
            assertThat(vm.specOrNull().definition()).isNull();
            await("preview again", () -> !vm.previewProperty().get().isEmpty());
            assertThat(vm.problems()).isEmpty();
            vm.customizeProperty().set(true);
            vm.customDefinitionProperty().set("<oops/>");
            return false;
        });
        assertThat(launcher.launch(session).get(10, TimeUnit.SECONDS)).isNull();
        assertThat(host.calls).noneMatch(c -> c.startsWith("create"));
    }
}
