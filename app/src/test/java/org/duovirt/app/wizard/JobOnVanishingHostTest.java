package org.duovirt.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.host.Sessions.await;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.duovirt.app.Messages;
import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.HostState;
import org.duovirt.app.host.Sessions;
import org.duovirt.app.job.Job;
import org.duovirt.app.job.JobState;
import org.duovirt.app.job.Jobs;
import org.duovirt.app.job.OperationTimeouts;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VolumeInfo;
import org.duovirt.core.model.VmSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A creation job whose host vanishes under it, window-free: the job fails at once in one sentence, the
 * undo is not tried over the dead connection, and what the job made is removed when the host answers again
 * (or named to the user when even that fails). The live proof on a killed libvirtd is JobHostLossIT.
 */
class JobOnVanishingHostTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final VanishingHost host = new VanishingHost();
    private HostSession session;
    private Jobs jobs;

    /** A creating host that can vanish (every call fails, its listeners hear the loss) and come back. */
    static final class VanishingHost extends CreatingHost {
        volatile boolean gone;
        volatile String refuseDeleteWith;

        VanishingHost() {
            features.add(org.duovirt.core.spi.Feature.EVENTS);
        }

        void vanish() {
            gone = true;
            listeners.forEach(l -> l.connectionLost("the daemon was killed"));
        }

        private void reachable(String call) {
            if (gone) {
                calls.add(call + " (host gone)");
                throw new HostUnreachableException("Cannot reach fake:///.", null, null);
            }
        }

        @Override
        public boolean isAlive() {
            return !gone;
        }

        @Override
        public List<PoolInfo> pools() {
            reachable("pools");
            return List.of(new PoolInfo("default", "dir", true, true, "/pool", 1L << 40, 0, 1L << 40));
        }

        /** Every disk it made is a volume, used by the VM of its name while that VM is defined. */
        @Override
        public List<VolumeInfo> volumes(String pool) {
            reachable("volumes");
            return made.stream().filter(m -> m.startsWith("disk ")).map(m -> m.substring(5))
                    .map(vm -> new VolumeInfo("default", vm + ".qcow2", "/pool/" + vm + ".qcow2", "qcow2", 1L << 30, 0,
                            vms.containsKey(vm) ? List.of(vm) : List.of())).toList();
        }

        @Override
        public List<VmSummary> listVms(boolean includeInactive) {
            reachable("list");
            return super.listVms(includeInactive);
        }

        @Override
        public void start(String vm) {
            reachable("start " + vm);
            super.start(vm);
        }

        @Override
        public void delete(String vm, boolean withStorage) {
            reachable("delete " + vm);
            if (refuseDeleteWith != null) {
                throw new DuovirtException(refuseDeleteWith, (String) null);
            }
            super.delete(vm, withStorage);
        }
    }

    @BeforeEach
    void open() {
        Messages.use(Locale.ENGLISH);
        session = Sessions.session("fake:///", uri -> {
            if (host.gone) {
                throw new HostUnreachableException("Connection refused.", null, null);
            }
            return host;
        }, Sessions.fast());
        session.connect();
        await("connected", () -> session.state() == HostState.CONNECTED);
        jobs = new Jobs(ui, Jobs.TIMER, dialogs::error);
    }

    @AfterEach
    void close() {
        session.close();
    }

    /** Starts the creation on a user thread (inside ui(), as the FX thread would); it holds after the definition. */
    private Job createAndHoldAfterDefinition(CompletableFuture<String> result) throws Exception {
        host.holdAfterCreate = new CountDownLatch(1);
        return createAndHold(result, host.defined);
    }

    private Job createAndHold(CompletableFuture<String> result, CountDownLatch reached) throws Exception {
        VmSpec spec = new VmSpec("wiz-vm", 256, 1, new VmSpec.Storage.NewDisk(1, "default", false), null, null, null, null, null, null);
        Thread user = new Thread(() -> ui.ui(() -> new CreateVmFlow(ui, jobs, OperationTimeouts.standard()).start(session, spec, true, result)));
        user.setDaemon(true);
        user.start();
        assertThat(reached.await(10, TimeUnit.SECONDS)).isTrue();
        await("job listed", () -> !jobs.jobs().isEmpty());
        return jobs.jobs().get(0);
    }

    @Test
    void theJobFailsAtOnceInOneSentenceAndWhatItMadeIsRemovedWhenTheHostIsBack() throws Exception {
        CompletableFuture<String> result = new CompletableFuture<>();
        Job job = createAndHoldAfterDefinition(result);
        host.vanish();
        // Failed while its work is still held inside the backend call: nobody waits for a dead host.
        await("job failed", () -> job.state() == JobState.FAILED);
        assertThat(session.state()).isNotEqualTo(HostState.CONNECTED);
        String sentence = "Creating wiz-vm could not be finished: fake:/// stopped answering.";
        assertThat(dialogs.errors).extracting(Throwable::getMessage).containsExactly(sentence);
        assertThat(dialogs.errors.get(0).hint()).contains("removed when the host answers again");
        host.holdAfterCreate.countDown();
        await("work ended", result::isDone);
        assertThat(result).isCompletedExceptionally();
        assertThat(session.pendingLeftovers()).isEqualTo(1);
        // The undo was not tried over the dead connection; start was not tried either.
        assertThat(host.calls).noneMatch(c -> c.startsWith("delete") || c.startsWith("start"));
        assertThat(host.vms).containsKey("wiz-vm");

        host.gone = false;
        await("reconnected", () -> session.state() == HostState.CONNECTED);
        assertThat(session.pendingLeftovers()).isZero();
        assertThat(host.calls).contains("delete wiz-vm with storage");
        assertThat(host.made).isEmpty();
        assertThat(host.vms).doesNotContainKey("wiz-vm");
        assertThat(session.vms()).noneMatch(r -> r.name().equals("wiz-vm"));
        assertThat(dialogs.errors).hasSize(1);
    }

    @Test
    void aRemovalThatFailsWhenTheHostIsBackNamesWhatIsStillThere() throws Exception {
        CompletableFuture<String> result = new CompletableFuture<>();
        Job job = createAndHoldAfterDefinition(result);
        host.vanish();
        await("job failed", () -> job.state() == JobState.FAILED);
        host.holdAfterCreate.countDown();
        await("work ended", result::isDone);
        host.refuseDeleteWith = "The disk is in use by another process.";
        host.gone = false;
        await("reconnected", () -> session.state() == HostState.CONNECTED);
        await("second error", () -> dialogs.errors.size() == 2);
        DuovirtException kept = dialogs.errors.get(1);
        assertThat(kept.getMessage()).isEqualTo("The interrupted job's leftovers on fake:/// could not be removed when the host came back: "
                + "the VM 'wiz-vm' and the storage made for it remain.");
        assertThat(kept.details()).isEqualTo("The disk is in use by another process.");
        assertThat(session.pendingLeftovers()).isZero();
        assertThat(host.vms).containsKey("wiz-vm");
    }

    @Test
    void aDiskMadeBeforeTheDefinitionIsNamedToTheUserNotDeleted() throws Exception {
        host.vm("other", org.duovirt.core.model.VmState.SHUTOFF);
        host.made.add("disk other");
        host.holdAfterDisk = new CountDownLatch(1);
        CompletableFuture<String> result = new CompletableFuture<>();
        Job job = createAndHold(result, host.diskMade);
        host.vanish();
        await("job failed", () -> job.state() == JobState.FAILED);
        host.holdAfterDisk.countDown();
        await("work ended", result::isDone);
        assertThat(host.made).contains("disk wiz-vm");
        host.gone = false;
        await("reconnected", () -> session.state() == HostState.CONNECTED);
        await("second error", () -> dialogs.errors.size() == 2);
        assertThat(dialogs.errors.get(1).getMessage())
                .isEqualTo("After the interrupted job, fake:/// has new volumes that no VM uses: /pool/wiz-vm.qcow2.");
        assertThat(dialogs.errors.get(1).hint()).contains("delete them in the Storage tab unless they are yours");
        // Nothing of anybody's was deleted: the orphan is only named, the other VM's disk was there before.
        assertThat(host.made).contains("disk wiz-vm", "disk other");
        assertThat(host.calls).noneMatch(c -> c.startsWith("delete"));
    }

    @Test
    void losingTheHostBeforeAnythingIsMadeQueuesNoRemoval() throws Exception {
        host.vanish();
        await("disconnected", () -> session.state() == HostState.DISCONNECTED);
        CompletableFuture<String> result = new CompletableFuture<>();
        VmSpec spec = new VmSpec("wiz-vm", 256, 1, null, null, null, null, null, null, null);
        ui.ui(() -> new CreateVmFlow(ui, jobs, OperationTimeouts.standard()).start(session, spec, false, result));
        await("failed", result::isDone);
        assertThat(dialogs.errors).extracting(Throwable::getMessage).containsExactly("fake:/// is not connected.");
        assertThat(session.pendingLeftovers()).isZero();
        assertThat(host.calls).noneMatch(c -> c.startsWith("create"));
    }
}
