package org.duovirt.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.host.Sessions.await;

import javafx.collections.FXCollections;
import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.job.Jobs;
import org.duovirt.app.job.OperationTimeouts;

/** The view-model tests' user: walks the wizard page by page to the summary, and the launcher they drive it with. */
final class WizardWalk {
    private WizardWalk() {
    }

    /** Presses Next on every page once it is valid, running {@code onPage} first on each; stops on a valid summary. */
    static void toSummary(NewVmViewModel vm, java.util.function.Consumer<WizardPage> onPage) {
        while (vm.pageProperty().get() != WizardPage.SUMMARY) {
            WizardPage before = vm.pageProperty().get();
            onPage.accept(before);
            await("page " + before + " valid", () -> vm.pageValid(before));
            assertThat(vm.next()).isTrue();
        }
        await("summary valid", () -> vm.pageValid(WizardPage.SUMMARY));
    }

    static NewVmLauncher launcher(DirectTaskExecutor ui, RecordingDialogService dialogs, HostSession session) {
        return new NewVmLauncher(ui, dialogs, new CreateVmFlow(ui, new Jobs(ui, Jobs.TIMER, dialogs::error), OperationTimeouts.standard()),
                FXCollections.observableArrayList(session), row -> { });
    }
}
