package org.duovirt.app.dialog;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.connection.ConnectionDialog;
import org.duovirt.app.connection.ConnectionDialogViewModel;
import org.duovirt.app.ui.FxThread;
import org.duovirt.core.error.DuovirtException;

/** Shows the real dialogs, owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final Map<Class<?>, BiFunction<Window, WizardModel, Boolean>> wizards = new ConcurrentHashMap<>();

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** Registers the view that shows wizards of this model type (the wizard's package does it, not this one). */
    public <M extends WizardModel> void registerWizard(Class<M> type, BiFunction<Window, M, Boolean> view) {
        wizards.put(type, (w, m) -> view.apply(w, type.cast(m)));
    }

    @Override
    public boolean confirm(String header, String body, String confirmLabel) {
        FxThread.check();
        return ConfirmDialog.ask(owner.get(), header, body, confirmLabel);
    }

    @Override
    public void error(DuovirtException error) {
        ErrorDialog.show(owner.get(), error);
    }

    @Override
    public boolean confirmDelete(DeleteDialogViewModel model) {
        FxThread.check();
        return DeleteDialog.create(owner.get(), model).showAndWait().orElse(false);
    }

    @Override
    public Optional<ConnectionConfig> addConnection(ConnectionDialogViewModel model) {
        FxThread.check();
        return ConnectionDialog.create(owner.get(), model).showAndWait();
    }

    @Override
    public Optional<Path> chooseFile(String title, Path initialDirectory, List<String> extensions) {
        FxThread.check();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
            chooser.setInitialDirectory(initialDirectory.toFile());
        }
        if (!extensions.isEmpty()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", extensions),
                    extensions.stream().map(e -> "*." + e).toList()));
        }
        File file = chooser.showOpenDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        FxThread.check();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }

    @Override
    public boolean runWizard(WizardModel model) {
        FxThread.check();
        BiFunction<Window, WizardModel, Boolean> view = wizards.get(model.getClass());
        if (view == null) {
            throw new IllegalStateException("No wizard view registered for " + model.getClass().getSimpleName());
        }
        return view.apply(owner.get(), model);
    }
}
