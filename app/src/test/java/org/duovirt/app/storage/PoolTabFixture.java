package org.duovirt.app.storage;

import static org.duovirt.app.ui.UiTestSupport.onFx;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.FxTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.job.Jobs;
import org.duovirt.app.ui.Theme;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.PoolInfo;
import org.testfx.api.FxRobot;

/**
 * The Storage tab alone in a TestFX stage, its dialogs answered by a {@link RecordingDialogService} whose new-pool
 * answer fills the dialog's own form, shown in a second scene, as the robot would type it.
 */
final class PoolTabFixture {
    final RecordingDialogService dialogs = new RecordingDialogService();
    final List<DuovirtException> jobErrors = new CopyOnWriteArrayList<>();
    final StorageViewModel vm;
    final StorageView view;

    PoolTabFixture(Stage stage, HostSession session) {
        FxTaskExecutor ui = new FxTaskExecutor();
        Jobs jobs = new Jobs(ui, Jobs.TIMER, jobErrors::add);
        vm = onFx(() -> new StorageViewModel(ui, session, jobs, dialogs));
        view = onFx(() -> {
            StorageView v = new StorageView(vm);
            Scene scene = new Scene(v, 1100, 640);
            Theme.apply(scene);
            stage.setScene(scene);
            stage.show();
            return v;
        });
    }

    /** The user fills the dialog: {@code fill} gets the model the dialog shows; the answer is Create. */
    void answerNewPool(Consumer<NewPoolViewModel> fill) {
        dialogs.answerWizard(model -> {
            fill.accept((NewPoolViewModel) model);
            return true;
        });
    }

    PoolInfo listed(String name) {
        return onFx(() -> vm.pools().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null));
    }

    @SuppressWarnings("unchecked")
    void select(FxRobot robot, String pool) {
        UiTestSupport.waitUntil(pool + " listed", java.time.Duration.ofSeconds(30), () -> listed(pool) != null);
        onFx(() -> {
            TableView<PoolInfo> table = (TableView<PoolInfo>) view.lookup("#storage-pools");
            table.getItems().stream().filter(p -> p.name().equals(pool)).findFirst().ifPresent(p -> table.getSelectionModel().select(p));
            return null;
        });
    }

    void shot(Path file) {
        UiTestSupport.savePng(onFx(view::getScene), file);
    }
}
