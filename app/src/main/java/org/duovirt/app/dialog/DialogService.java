package org.duovirt.app.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.connection.ConnectionDialogViewModel;
import org.duovirt.core.error.DuovirtException;

/**
 * Every question and report the app puts to the user goes through here, so view models own whole flows
 * (ask → act → report) and tests answer the questions without a window. {@link FxDialogService} shows real
 * dialogs; the tests' recording implementation answers as told and remembers what was asked.
 * Called on the UI thread; the answers come back synchronously (the dialogs are modal).
 */
public interface DialogService {
    /**
     * Asks before a destructive action; the safe answer is the default.
     *
     * @return true when the user confirmed
     */
    boolean confirm(String header, String body, String confirmLabel);

    /** Shows an error as one sentence, with its hint and details on demand. */
    void error(DuovirtException error);

    /**
     * Confirms a delete, naming every disk and whether it goes; the storage choice is the model's
     * {@code deleteStorageProperty}.
     *
     * @return true to delete
     */
    boolean confirmDelete(DeleteDialogViewModel model);

    /** Asks for a new connection; empty when cancelled. */
    Optional<ConnectionConfig> addConnection(ConnectionDialogViewModel model);

    /**
     * Picks an existing local file.
     *
     * @param extensions file name endings offered as a filter (e.g. "iso"); empty for any file
     * @return empty when cancelled
     */
    Optional<Path> chooseFile(String title, Path initialDirectory, List<String> extensions);

    /**
     * Asks where to save a new file on this machine, suggesting {@code suggestedName}.
     *
     * @return empty when cancelled
     */
    Optional<Path> chooseSaveFile(String title, String suggestedName);

    /**
     * Runs a wizard over its view model; the model holds every choice.
     *
     * @return true when the user finished it, false when they cancelled at any page
     */
    boolean runWizard(WizardModel model);

    /** What {@link #runWizard} needs to know of a wizard's view model; the FX side finds its view by type. */
    interface WizardModel {
        /** The window title. */
        String title();
    }
}
