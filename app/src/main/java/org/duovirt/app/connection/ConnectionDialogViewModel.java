package org.duovirt.app.connection;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import java.util.function.BiFunction;
import org.duovirt.app.Messages;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.ConnectOptions;

/**
 * The Add Connection dialog's state: the choice, the fields, the URI they make, and what is wrong with them.
 */
public final class ConnectionDialogViewModel {
    private final ObjectProperty<ConnectionKind> kind = new SimpleObjectProperty<>(ConnectionKind.KVM_SYSTEM);
    private final StringProperty user = new SimpleStringProperty("root");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty customUri = new SimpleStringProperty("");
    private final StringProperty label = new SimpleStringProperty("");
    private final BooleanProperty autoconnect = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper uri = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper needsConfirmation = new ReadOnlyBooleanWrapper();
    private final BooleanProperty programsConfirmed = new SimpleBooleanProperty(false);
    private final BiFunction<String, ConnectOptions, List<String>> uriCheck;

    public ConnectionDialogViewModel() {
        this(Backends.installed()::uriProblems);
    }

    /** @param uriCheck the backends' URI checks (problems of a URI under the given trust) */
    public ConnectionDialogViewModel(BiFunction<String, ConnectOptions, List<String>> uriCheck) {
        this.uriCheck = uriCheck;
        var inputs = new javafx.beans.Observable[] {kind, user, host, port, customUri, programsConfirmed};
        for (var in : inputs) {
            in.addListener(o -> recompute());
        }
        recompute();
    }

    private void recompute() {
        List<String> problems = new java.util.ArrayList<>(
                ConnectionUris.problems(kind.get(), user.get(), host.get(), port.get(), customUri.get()));
        boolean confirm = false;
        if (problems.isEmpty() && kind.get() == ConnectionKind.KVM_CUSTOM) {
            // The advanced field is the one place a URI may run a program, and only once the user says so.
            String text = customUri.get().strip();
            List<String> strict = uriCheck.apply(text, ConnectOptions.STRICT);
            confirm = !strict.isEmpty() && uriCheck.apply(text, ConnectOptions.PROGRAMS_CONFIRMED).isEmpty();
            if (!confirm) {
                problems.addAll(strict);
            } else if (!programsConfirmed.get()) {
                problems.add(Messages.get("connection.program-needs-confirmation"));
            }
        }
        needsConfirmation.set(confirm);
        valid.set(problems.isEmpty());
        problem.set(String.join(" ", problems));
        uri.set(problems.isEmpty() ? ConnectionUris.build(kind.get(), user.get(), host.get(), port.get(), customUri.get()) : "");
    }

    public ObjectProperty<ConnectionKind> kindProperty() {
        return kind;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty customUriProperty() {
        return customUri;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public BooleanProperty autoconnectProperty() {
        return autoconnect;
    }

    /** The custom URI has parameters that run a program (or turn a check off): the user must confirm them. */
    public ReadOnlyBooleanProperty needsConfirmationProperty() {
        return needsConfirmation.getReadOnlyProperty();
    }

    /** The user confirmed that the custom URI may run what it names. */
    public BooleanProperty programsConfirmedProperty() {
        return programsConfirmed;
    }

    /** The URI the fields make, empty while they are invalid. */
    public ReadOnlyStringProperty uriProperty() {
        return uri.getReadOnlyProperty();
    }

    /** What is wrong with the fields, empty when nothing. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The connection to save; only when valid. */
    public ConnectionConfig result() {
        if (!valid.get()) {
            throw new IllegalStateException(problem.get());
        }
        String l = label.get() == null || label.get().isBlank() ? null : label.get().strip();
        return new ConnectionConfig(uri.get(), l, autoconnect.get(), needsConfirmation.get() && programsConfirmed.get());
    }
}
