package org.duovirt.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal of pending removals: private, shared by processes that write at once, and robust to a bad file. */
class RemovalJournalTest {
    @TempDir
    Path tmp;

    private static RemovalJournal.Entry entry(String vm) {
        return RemovalJournal.entry("qemu+ssh://root@h/system", vm, "the VM '" + vm + "'", "default", List.of("/pool/old.qcow2"));
    }

    @Test
    void anEntryIsWrittenPrivatelyReadBackAndClearedWithTheFile() throws Exception {
        Path state = tmp.resolve("state/duovirt");
        RemovalJournal journal = new RemovalJournal(state);
        RemovalJournal.Entry e = entry("web");
        assertThat(journal.add(e)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("pending-removals.lock")))).isEqualTo("rw-------");
        assertThat(new RemovalJournal(state).pending("qemu+ssh://root@h/system")).containsExactly(e);
        assertThat(journal.pending("qemu+ssh://root@other/system")).isEmpty();
        journal.clear(e.id());
        assertThat(journal.pending(null)).isEmpty();
        assertThat(journal.file()).doesNotExist();
    }

    @Test
    void theHostKeyHasNoPasswordAndNoQuery() {
        assertThat(PendingRemovals.hostKey("xl+ssh://root:secret@h:2222/?keyfile=/k&known_hosts=/kh")).isEqualTo("xl+ssh://root:***@h:2222/");
        assertThat(PendingRemovals.hostKey("qemu:///system")).isEqualTo("qemu:///system");
    }

    @Test
    void aCorruptFileIsKeptAsideAndANewJournalStarted() throws Exception {
        RemovalJournal journal = new RemovalJournal(tmp);
        Files.writeString(journal.file(), "{\"pending\": [ {\"id\": \"x\", tr");
        assertThat(journal.pending(null)).isEmpty();
        try (var files = Files.list(tmp)) {
            List<Path> aside = files.filter(f -> f.getFileName().toString().startsWith("pending-removals.json.corrupt-")).toList();
            assertThat(aside).hasSize(1);
            assertThat(Files.readString(aside.get(0))).startsWith("{\"pending\"");
        }
        RemovalJournal.Entry e = entry("after");
        journal.add(e);
        assertThat(journal.pending(null)).containsExactly(e);
    }

    @Test
    void anUnreadableEntryIsDroppedAndTheOthersKept() throws Exception {
        RemovalJournal journal = new RemovalJournal(tmp);
        RemovalJournal.Entry good = entry("good");
        journal.add(good);
        String text = Files.readString(journal.file()).replace("\"pending\" : [", "\"pending\" : [ {\"vm\": 42},");
        Files.writeString(journal.file(), text);
        assertThat(journal.pending(null)).containsExactly(good);
    }

    @Test
    void entriesOfALiveProcessAreItsOwnAndOfAnEndedOneAreNot() throws Exception {
        RemovalJournal.Entry mine = entry("mine");
        new RemovalJournal(tmp).add(mine);
        assertThat(RemovalJournal.ownedByALiveProcess(mine)).isTrue();
        new RemovalJournal(tmp).release(mine.id());
        assertThat(RemovalJournal.ownedByALiveProcess(mine)).as("released by this process").isFalse();
        Process other = new ProcessBuilder("sleep", "30").start();
        try {
            long start = other.toHandle().info().startInstant().orElseThrow().toEpochMilli();
            RemovalJournal.Entry running = new RemovalJournal.Entry("r", "h", "vm", "vm", null, null, java.time.Instant.now(), other.pid(), start);
            assertThat(RemovalJournal.ownedByALiveProcess(running)).isTrue();
            RemovalJournal.Entry reused = new RemovalJournal.Entry("p", "h", "vm", "vm", null, null, java.time.Instant.now(), other.pid(), start - 60_000);
            assertThat(RemovalJournal.ownedByALiveProcess(reused)).as("same pid, another process").isFalse();
        } finally {
            other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void processesWritingAtOnceLoseNoEntry() throws Exception {
        int processes = 4;
        int each = 25;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> writers = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            writers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), JournalWriter.class.getName(),
                    tmp.toString(), "w" + p, Integer.toString(each)).redirectErrorStream(true).start());
        }
        // And this process's threads at the same time.
        RemovalJournal journal = new RemovalJournal(tmp);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String prefix = "t" + t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    journal.add(entry(prefix + "-" + i));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        for (Process w : writers) {
            assertThat(w.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(w.exitValue()).as(new String(w.getInputStream().readAllBytes())).isZero();
        }
        Set<String> vms = new java.util.HashSet<>();
        journal.pending(null).forEach(e -> vms.add(e.vm()));
        assertThat(vms).hasSize((processes + 4) * each);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("pending-removals.json", "pending-removals.lock");
        }
    }

    /** A second process that writes entries, for {@link #processesWritingAtOnceLoseNoEntry}. */
    public static final class JournalWriter {
        public static void main(String[] args) {
            RemovalJournal journal = new RemovalJournal(Path.of(args[0]));
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                if (!journal.add(entry(args[1] + "-" + i))) {
                    System.exit(2);
                }
            }
        }
    }
}
