package org.duovirt.app.host;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.duovirt.app.dialog.DialogService;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.spi.HostConnection;

/**
 * Host calls of a tab's view model whose failures go to the one error dialog: the future then completes with
 * null, so the tab's follow-up (a refresh) still runs.
 */
public final class ReportingCalls {
    private final TaskExecutor ui;
    private final HostSession session;
    private final DialogService dialogs;

    public ReportingCalls(TaskExecutor ui, HostSession session, DialogService dialogs) {
        this.ui = ui;
        this.session = session;
        this.dialogs = dialogs;
    }

    public <T> CompletableFuture<T> call(String what, Function<HostConnection, T> op) {
        return session.call(what, op).handle((value, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null && !(error instanceof DuovirtException) ? error.getCause() : error;
                ui.ui(() -> dialogs.error(cause instanceof DuovirtException d ? d : new DuovirtException(what, cause)));
                return null;
            }
            return value;
        });
    }

    /** Why the host does not offer {@code feature}, as one sentence, or null when it does. */
    public String unsupportedReason(org.duovirt.core.spi.Feature feature) {
        return session.supports(feature) ? null
                : org.duovirt.app.Messages.get("storage.unsupported", feature.label(), session.displayName());
    }

    /** Runs {@code action} on the UI thread; completes when the future it returns does. */
    public CompletableFuture<Void> onUi(Supplier<CompletableFuture<Void>> action) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ui.ui(() -> action.get().whenComplete((v, e) -> done.complete(null)));
        return done;
    }
}
