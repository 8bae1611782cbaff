package org.duovirt.app.job;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.config.PrivateFiles;

/**
 * The removals that creations still owe their hosts, on disk ({@code $XDG_STATE_HOME/duovirt/pending-removals.json},
 * 0600 in a 0700 directory), shared by every Duovirt process of the user: a creation writes its entry before it
 * makes anything and clears it when it completes or was undone; an entry left behind (the host vanished and the
 * process ended: a CLI run, a closed window) is carried out by whichever process connects to that host next
 * ({@link PendingRemovals}). Entries hold a host key without password or query, a VM name, a pool and volume paths:
 * nothing secret. Every change is a read-modify-write under an exclusive lock of a sibling lock file; the file itself
 * is replaced atomically, so a reader never sees half of it. A file that cannot be read is kept aside, not lost.
 */
public final class RemovalJournal {
    private static final Logger LOG = Logger.getLogger(RemovalJournal.class.getName());
    /** One JVM may hold a file lock only once: threads of this process queue here first. */
    private static final Object IN_PROCESS = new Object();
    /** Entries this process wrote and still owns (its jobs run, or their removal waits in memory). */
    private static final Set<String> OWNED_HERE = ConcurrentHashMap.newKeySet();
    private final Path file;
    private final Path lock;

    /**
     * One removal a creation may owe: the VM {@code vm} with the storage Duovirt made for it, and the check of
     * {@code pool} for volumes that were not in {@code volumesBefore} and no VM uses (named, never deleted).
     *
     * @param host      {@link PendingRemovals#hostKey} of the host
     * @param volumesBefore the pool's volume paths before the creation, or null (pool not checked)
     * @param pid       the process that wrote it, with its start time in ms: while it runs, it owns the entry
     */
    public record Entry(String id, String host, String vm, String what, String pool, List<String> volumesBefore,
                        Instant since, long pid, long pidStart) {
    }

    public RemovalJournal(Path stateDir) {
        this.file = stateDir.resolve("pending-removals.json");
        this.lock = stateDir.resolve("pending-removals.lock");
    }

    /** The user's journal (the XDG state directory). */
    public static RemovalJournal standard() {
        return new RemovalJournal(AppDirs.fromEnvironment().state());
    }

    public Path file() {
        return file;
    }

    /** A new entry for this process, not yet written. */
    public static Entry entry(String host, String vm, String what, String pool, java.util.Collection<String> volumesBefore) {
        ProcessHandle self = ProcessHandle.current();
        return new Entry(UUID.randomUUID().toString(), host, vm, what, pool, volumesBefore == null ? null : List.copyOf(volumesBefore),
                Instant.now(), self.pid(), startMillis(self));
    }

    /**
     * Writes {@code e} before its creation makes anything. A journal that cannot be written does not stop the
     * creation (the running process still undoes or queues it in memory); it is logged.
     *
     * @return whether it was written
     */
    public boolean add(Entry e) {
        OWNED_HERE.add(e.id());
        return update(list -> {
            list.add(e);
            return list;
        });
    }

    /** Clears {@code id}: the creation completed, was undone, or its leftovers were removed. */
    public void clear(String id) {
        OWNED_HERE.remove(id);
        update(list -> {
            list.removeIf(e -> e.id().equals(id));
            return list;
        });
    }

    /**
     * This process gives {@code id} up without clearing it (a CLI creation whose host vanished, about to exit):
     * the next process, or the next command in this one, that connects to the host carries it out.
     */
    public void release(String id) {
        OWNED_HERE.remove(id);
    }

    /** Every entry, for {@code host} or (null) all. */
    public List<Entry> pending(String host) {
        if (!Files.exists(file)) {
            return List.of(); // the common case: one stat, no lock
        }
        List<Entry> all = new ArrayList<>();
        update(list -> {
            all.addAll(list);
            return null;
        });
        return all.stream().filter(e -> host == null || host.equals(e.host())).toList();
    }

    /**
     * Whether {@code e} belongs to a process that still runs (its job may still be at work, or its removal waits in
     * that process's memory): then nobody else may carry it out. The start time guards against a reused pid.
     */
    public static boolean ownedByALiveProcess(Entry e) {
        if (OWNED_HERE.contains(e.id())) {
            return true;
        }
        if (e.pid() == ProcessHandle.current().pid()) {
            return false; // a process of the same pid that ended long ago
        }
        return ProcessHandle.of(e.pid()).filter(ProcessHandle::isAlive).map(RemovalJournal::startMillis)
                .map(start -> start == e.pidStart()).orElse(false);
    }

    private static long startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** Read, change (null: keep), write, all under the lock. */
    private boolean update(UnaryOperator<List<Entry>> change) {
        synchronized (IN_PROCESS) {
            try {
                PrivateFiles.directory(file.getParent());
                if (!Files.exists(lock)) {
                    try {
                        Files.createFile(lock, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    } catch (java.nio.file.FileAlreadyExistsException raced) {
                        // another process made it first
                    }
                }
                try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
                    List<Entry> after = change.apply(RemovalJournalFile.read(file));
                    if (after != null) {
                        RemovalJournalFile.write(file, after);
                    }
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                LOG.warning("The journal of pending removals " + file + " could not be updated: " + e.getMessage() + ".");
                return false;
            }
        }
    }
}
