package org.duovirt.app.dialog;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.connection.ConnectionDialogViewModel;
import org.duovirt.core.error.DuovirtException;

/**
 * The dialog service of view-model tests: remembers every question and error, and answers as told.
 * An unexpected question (no answer queued) fails the test instead of guessing.
 */
public final class RecordingDialogService implements DialogService {
    /** Everything asked, in order, as "kind: text". */
    public final List<String> asked = new CopyOnWriteArrayList<>();
    /** The body of every confirm, in order: what the user was told would happen. */
    public final List<String> confirmBodies = new CopyOnWriteArrayList<>();
    public final List<DuovirtException> errors = new CopyOnWriteArrayList<>();
    private final Deque<Boolean> confirms = new ArrayDeque<>();
    private final Deque<Optional<Boolean>> deleteStorage = new ArrayDeque<>();
    private final Deque<Optional<ConnectionConfig>> connections = new ArrayDeque<>();
    private final Deque<Optional<Path>> files = new ArrayDeque<>();
    private final Deque<Predicate<WizardModel>> wizards = new ArrayDeque<>();

    public RecordingDialogService answerConfirm(boolean yes) {
        confirms.add(yes);
        return this;
    }

    /** @param withStorage null cancels the delete; true/false confirms it with that storage choice */
    public RecordingDialogService answerDelete(Boolean withStorage) {
        deleteStorage.add(Optional.ofNullable(withStorage));
        return this;
    }

    public RecordingDialogService answerConnection(ConnectionConfig config) {
        connections.add(Optional.ofNullable(config));
        return this;
    }

    public RecordingDialogService answerFile(Path file) {
        files.add(Optional.ofNullable(file));
        return this;
    }

    /** @param user plays the user: fills the model, returns true to finish, false to cancel */
    public RecordingDialogService answerWizard(Predicate<WizardModel> user) {
        wizards.add(user);
        return this;
    }

    @Override
    public boolean confirm(String header, String body, String confirmLabel) {
        asked.add("confirm: " + header);
        confirmBodies.add(body);
        return next(confirms, "confirm " + header);
    }

    @Override
    public void error(DuovirtException error) {
        asked.add("error: " + error.getMessage());
        errors.add(error);
    }

    @Override
    public boolean confirmDelete(DeleteDialogViewModel model) {
        asked.add("delete: " + model.header());
        Optional<Boolean> answer = next(deleteStorage, "delete " + model.vmName());
        if (answer.isEmpty()) {
            return false;
        }
        model.deleteStorageProperty().set(answer.get());
        return true;
    }

    @Override
    public Optional<ConnectionConfig> addConnection(ConnectionDialogViewModel model) {
        asked.add("connection");
        return next(connections, "a connection");
    }

    @Override
    public Optional<Path> chooseFile(String title, Path initialDirectory, List<String> extensions) {
        asked.add("file: " + title);
        return next(files, "a file for " + title);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        asked.add("save: " + title);
        return next(files, "a file to save for " + title);
    }

    @Override
    public boolean runWizard(WizardModel model) {
        asked.add("wizard: " + model.title());
        return next(wizards, "the wizard " + model.title()).test(model);
    }

    private static <T> T next(Deque<T> answers, String what) {
        if (answers.isEmpty()) {
            throw new AssertionError("The test gave no answer for " + what);
        }
        return answers.poll();
    }
}
