package org.duovirt.app.wizard;

import java.util.List;
import java.util.logging.Logger;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VmSpec;

/**
 * The wizard's conversations with the host, all off the UI thread on the host's own worker: its facts,
 * the dry run while the user types (one at a time; the newest spec wins), and the preview.
 */
final class HostChecks {
    private static final Logger LOG = Logger.getLogger(HostChecks.class.getName());
    private final TaskExecutor ui;
    private final NewVmViewModel vm;
    private boolean checking;
    private VmSpec pending;

    HostChecks(TaskExecutor ui, NewVmViewModel vm) {
        this.ui = ui;
        this.vm = vm;
    }

    void loadFacts(HostSession session) {
        if (session == null) {
            return;
        }
        session.call("Reading what " + session.displayName() + " offers", c -> HostFacts.read(c, session.config().uri())).whenComplete((facts, e) -> ui.ui(() -> {
            if (vm.hostProperty().get() != session) {
                return;
            }
            if (e != null) {
                LOG.info(() -> "Host facts unavailable: " + e.getMessage());
                vm.adoptFacts(HostFacts.UNKNOWN);
            } else {
                vm.adoptFacts(facts);
            }
        }));
    }

    /** Lists the volumes of these pools for the existing-disk choice; a pool that cannot be read is left out. */
    void loadVolumes(HostSession session, List<String> pools) {
        if (session == null) {
            return;
        }
        List<String> names = List.copyOf(pools);
        session.call("Listing the volumes of " + session.displayName(), c -> {
            List<org.duovirt.core.model.VolumeInfo> all = new java.util.ArrayList<>();
            for (String pool : names) {
                try {
                    all.addAll(c.volumes(pool));
                } catch (RuntimeException e) {
                    LOG.info(() -> "Volumes of " + pool + " unavailable: " + e.getMessage());
                }
            }
            return all;
        }).whenComplete((list, e) -> ui.ui(() -> {
            if (vm.hostProperty().get() == session) {
                vm.disk().showVolumes(e == null ? list : List.of());
            }
        }));
    }

    /** Lists the CPU models the host offers a new VM of this mode (none on Xen). */
    void loadCpuModels(HostSession session, org.duovirt.core.model.VirtMode mode) {
        if (session == null || !vm.cpuModel().offeredProperty().get()) {
            return;
        }
        session.call("Reading the CPU models of " + session.displayName(), c -> c.cpuModels(mode)).whenComplete((list, e) -> ui.ui(() -> {
            if (vm.hostProperty().get() == session && vm.modeProperty().get() == mode) {
                vm.cpuModel().show(e == null ? list : List.of());
            }
        }));
    }

    /** Runs the host's dry run for {@code spec}; a newer spec asked meanwhile replaces the queued one. */
    void check(VmSpec spec) {
        ui.assertUiThread();
        if (checking) {
            pending = spec;
            return;
        }
        HostSession session = vm.hostProperty().get();
        checking = true;
        vm.setChecking(true);
        session.call("Checking the new VM", c -> c.check(spec)).whenComplete((problems, e) -> ui.ui(() -> {
            checking = false;
            VmSpec next = pending;
            pending = null;
            if (next != null) {
                check(next);
                return;
            }
            if (!spec.equals(vm.specOrNull())) {
                vm.setChecking(false);
                return; // the user changed something while the host was answering; revalidate asked again
            }
            vm.setChecking(false);
            vm.setProblems(e == null ? problems : List.of(new SpecProblem(SpecField.NAME, message(e))));
        }));
    }

    void preview() {
        VmSpec spec = vm.specOrNull();
        HostSession session = vm.hostProperty().get();
        if (spec == null || session == null) {
            return;
        }
        session.call("Previewing the new VM", c -> c.preview(spec)).whenComplete((text, e) -> ui.ui(() -> {
            if (spec.equals(vm.specOrNull())) {
                vm.setPreview(e == null ? text : message(e));
            }
        }));
    }

    private static String message(Throwable e) {
        Throwable cause = e.getCause() != null && !(e instanceof DuovirtException) ? e.getCause() : e;
        return cause instanceof DuovirtException d ? d.getMessage() : String.valueOf(cause.getMessage());
    }
}
