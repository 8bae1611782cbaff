package org.duovirt.app.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duovirt.app.host.Sessions.await;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import org.duovirt.app.job.RemovalJournal;
import org.duovirt.core.model.VmState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app carries out what the journal says an ended process's creation left on a host, when it connects and
 * before its VM list is read (the half-made VM never shows); an entry whose process still runs is left to it.
 */
class JournaledRemovalTest {
    @TempDir
    Path state;

    private static final class DeletingHost extends FakeHost {
        final List<String> deleted = new CopyOnWriteArrayList<>();

        @Override
        public void delete(String vm, boolean withStorage) {
            deleted.add(vm + (withStorage ? " with storage" : ""));
            vms.remove(vm);
        }
    }

    private static RemovalJournal.Entry entryOf(ProcessHandle owner, String vm) {
        return new RemovalJournal.Entry(vm + "-id", "fake:///", vm, "the VM '" + vm + "' and the storage made for it", null, null,
                Instant.now(), owner.pid(), owner.info().startInstant().orElseThrow().toEpochMilli());
    }

    @Test
    void anEndedProcesssHalfMadeVmIsRemovedBeforeTheListAndARunningOnesIsLeft() throws Exception {
        Process ended = new ProcessBuilder("sleep", "60").start();
        RemovalJournal.Entry orphan = entryOf(ended.toHandle(), "half");
        ended.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // a CLI run that exited
        Process running = new ProcessBuilder("sleep", "60").start();
        try {
            RemovalJournal journal = new RemovalJournal(state);
            journal.add(orphan);
            journal.release(orphan.id()); // written by "another" process: not this one's
            RemovalJournal.Entry busy = entryOf(running.toHandle(), "busy");
            journal.add(busy);
            journal.release(busy.id());

            DeletingHost host = new DeletingHost();
            host.vm("half", VmState.SHUTOFF).vm("busy", VmState.SHUTOFF).vm("web", VmState.RUNNING);
            HostSession s = Sessions.session("fake:///", uri -> host, Sessions.fast());
            s.useJournal(journal);
            List<String> everShown = new CopyOnWriteArrayList<>();
            s.vms().addListener((ListChangeListener<VmRow>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(r -> everShown.add(r.name()));
                }
            });
            s.connect();
            await("connected", () -> s.state() == HostState.CONNECTED);
            assertThat(host.deleted).containsExactly("half with storage");
            assertThat(everShown).containsExactlyInAnyOrder("busy", "web");
            assertThat(s.lastErrorProperty().get()).startsWith("Removed the VM 'half' and the storage made for it from fake:///");
            assertThat(journal.pending(null)).containsExactly(busy);
            s.close();
        } finally {
            running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
