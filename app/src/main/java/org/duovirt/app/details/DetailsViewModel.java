package org.duovirt.app.details;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.limits.Bounds;
import org.duovirt.core.limits.Problem;
import org.duovirt.core.limits.VmLimits;
import org.duovirt.core.model.PinScope;
import org.duovirt.core.model.VmDetails;
import org.duovirt.core.spi.Feature;

/**
 * One VM's details tab: the overview read from the host, and the vCPU/memory editor validated against
 * the host's CPUs and memory. Changes are persistent, and also live when the VM runs and the host allows.
 */
public final class DetailsViewModel {
    /** The host's answer: the VM and the host it runs on. */
    record Loaded(VmDetails details, VmLimits limits, String backend) {
    }

    private static final Logger LOG = Logger.getLogger(DetailsViewModel.class.getName());
    private final TaskExecutor ui;
    private final VmRow row;
    private final ObservableList<String[]> facts = FXCollections.observableArrayList();
    private final IntegerProperty vcpus = new SimpleIntegerProperty();
    private final LongProperty memoryMiB = new SimpleLongProperty();
    private final IntegerProperty maxVcpus = new SimpleIntegerProperty(Integer.MAX_VALUE);
    private final LongProperty hostMemoryMiB = new SimpleLongProperty(Long.MAX_VALUE);
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(true);
    private Consumer<DuovirtException> errorHandler = e -> { };

    public DetailsViewModel(TaskExecutor ui, VmRow row) {
        this.ui = ui;
        this.row = row;
        vcpus.addListener(o -> validate());
        memoryMiB.addListener(o -> validate());
    }

    public VmRow row() {
        return row;
    }

    public void setErrorHandler(Consumer<DuovirtException> handler) {
        errorHandler = handler;
    }

    /** Reads details and host info on the host's thread. */
    public void load() {
        busy.set(true);
        HostSession host = row.host();
        host.call("Reading details of " + row.name(), c -> new Loaded(c.details(row.name()), limits(c, row.name()), c.backendName()))
                .whenComplete((loaded, e) -> ui.ui(() -> {
                    busy.set(false);
                    if (e != null) {
                        errorHandler.accept(asDuovirt(e));
                    } else {
                        show(loaded);
                    }
                }));
    }

    /**
     * The host's bounds for this VM are checked here only to say so next to the field; the backend checks
     * them again before it sends anything, so a host that cannot report them still shows the VM.
     */
    private static VmLimits limits(org.duovirt.core.spi.HostConnection c, String vm) {
        if (!c.supports(Feature.HOST_INFO)) {
            return null;
        }
        try {
            return c.limits(vm);
        } catch (DuovirtException e) {
            LOG.log(Level.INFO, "No host limits for the details view: " + e.getMessage());
            return null;
        }
    }

    private void show(Loaded loaded) {
        ui.assertUiThread();
        facts.setAll(DetailsFacts.of(loaded.details(), row.host(), loaded.backend()));
        vcpus.set(loaded.details().summary().vcpus());
        memoryMiB.set(loaded.details().summary().memoryMiB());
        if (loaded.limits() != null) {
            maxVcpus.set(loaded.limits().maxVcpus());
            hostMemoryMiB.set(loaded.limits().hostMemoryMiB());
        }
        validate();
    }

    /** Shows the VM's state as it is now (the rest of the facts stay as last read): the pages grey by it. */
    void showState(org.duovirt.core.model.VmState state) {
        String label = Messages.get("details.state");
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i)[0].equals(label)) {
                facts.set(i, new String[] {label, Messages.get("state." + state.cliName())});
            }
        }
    }

    /** Problems with the edited values, one sentence each; empty when they may be applied. */
    public List<String> problems() {
        List<String> out = new java.util.ArrayList<>();
        // The same bounds and sentences as the CLI and the backends (core's Bounds), in the user's language.
        for (Problem p : new Problem[] {Bounds.vcpus(vcpus.get(), Math.min(maxVcpus.get(), Bounds.ABSOLUTE_MAX_VCPUS)),
                Bounds.memory(memoryMiB.get(), hostMemoryMiB.get())}) {
            if (p != null) {
                out.add(Messages.problem(p));
            }
        }
        return out;
    }

    private void validate() {
        problem.set(String.join(" ", problems()));
    }

    /** Applies vCPUs and memory: persistently, and live too when the VM is running; falls back to persistent only. */
    public CompletableFuture<Void> apply() {
        return change(true, true);
    }

    /** Applies the vCPU count alone (the CPUs page). */
    public CompletableFuture<Void> applyVcpus() {
        return change(true, false);
    }

    /** Applies the memory size alone (the Memory page). */
    public CompletableFuture<Void> applyMemory() {
        return change(false, true);
    }

    private CompletableFuture<Void> change(boolean cpus, boolean memory) {
        if (!problems().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        int n = vcpus.get();
        long mib = memoryMiB.get();
        boolean running = row.state() != null && row.state().isActive();
        busy.set(true);
        CompletableFuture<Void> done = new CompletableFuture<>();
        row.host().call("Changing " + row.name(), c -> {
            Set<PinScope> scopes = running ? PinScope.both() : EnumSet.of(PinScope.CONFIG);
            try {
                set(c, cpus, memory, n, mib, scopes);
                return running ? Messages.get("details.applied-live") : Messages.get("details.applied");
            } catch (DuovirtException live) {
                if (!running) {
                    throw live;
                }
                set(c, cpus, memory, n, mib, EnumSet.of(PinScope.CONFIG));
                return Messages.get("details.applied-next-boot", live.getMessage());
            }
        }).whenComplete((text, e) -> ui.ui(() -> {
            if (e != null) {
                busy.set(false);
                errorHandler.accept(asDuovirt(e));
            } else {
                outcome.set(text);
                row.host().refreshVm(row.name());
                load(); // stays busy until the host's values are read back, so nothing edited meanwhile is overwritten
            }
            done.complete(null);
        }));
        return done;
    }

    private void set(org.duovirt.core.spi.HostConnection c, boolean cpus, boolean memory, int n, long mib, Set<PinScope> scopes) {
        if (cpus) {
            c.setVcpus(row.name(), n, scopes);
        }
        if (memory) {
            c.setMemory(row.name(), mib, scopes);
        }
    }

    static DuovirtException asDuovirt(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return c instanceof DuovirtException d ? d : new DuovirtException(String.valueOf(c.getMessage()), c);
    }

    public ObservableList<String[]> facts() {
        return facts;
    }

    public IntegerProperty vcpusProperty() {
        return vcpus;
    }

    public LongProperty memoryMiBProperty() {
        return memoryMiB;
    }

    /** The hypervisor's vCPU maximum for this VM; Integer.MAX_VALUE until the host has said. */
    public IntegerProperty maxVcpusProperty() {
        return maxVcpus;
    }

    public LongProperty hostMemoryMiBProperty() {
        return hostMemoryMiB;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

}
