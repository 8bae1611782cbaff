package org.duovirt.app.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.logging.Logger;
import org.duovirt.app.Messages;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.uri.Uris;

/**
 * Carries out what {@link RemovalJournal} says creations still owe a host, as soon as a process (the CLI, the app)
 * has connected to it and before it reads the VM list, so a half-made VM never shows. Entries of a process that
 * still runs are left to it. Each removal is said in one sentence and logged.
 */
public final class PendingRemovals {
    private static final Logger LOG = Logger.getLogger(PendingRemovals.class.getName());

    private PendingRemovals() {
    }

    /** The journal's name for a host: its URI without password and without query (key files, known_hosts). */
    public static String hostKey(String uri) {
        String redacted = Uris.redact(uri);
        int query = redacted.indexOf('?');
        return query < 0 ? redacted : redacted.substring(0, query);
    }

    /** A creation's entry from what it noted before making anything. */
    public static RemovalJournal.Entry entry(String uri, String vm, String what, JobLeftovers before) {
        return RemovalJournal.entry(hostKey(uri), vm, what, before.pool(), before.volumesBefore());
    }

    /**
     * Runs every removal owed to the host of {@code c}, on the calling thread.
     *
     * @param label the host as the user names it
     * @return one sentence per entry carried out (removed, or why it could not be)
     * @throws HostUnreachableException when the host vanishes meanwhile (the entry stays)
     */
    public static List<String> carryOut(HostConnection c, String label, RemovalJournal journal) {
        List<String> said = new ArrayList<>();
        for (RemovalJournal.Entry e : journal.pending(hostKey(c.uri()))) {
            if (RemovalJournal.ownedByALiveProcess(e)) {
                continue;
            }
            String sentence;
            try {
                JobLeftovers.of(e.volumesBefore() == null ? null : new HashSet<>(e.volumesBefore()), e.pool()).vm(e.vm(), label).accept(c);
                sentence = Messages.get("job.pending-removed", label, e.what(), e.since().toString());
            } catch (JobLeftovers.Kept kept) {
                sentence = Messages.get("job.pending-removed", label, e.what(), e.since().toString()) + " " + kept.getMessage();
            } catch (HostUnreachableException gone) {
                throw gone;
            } catch (RuntimeException failed) {
                if (!c.isAlive()) {
                    throw new HostUnreachableException(Messages.get("job.pending-host-lost", label, e.what()), null, failed);
                }
                sentence = Messages.get("job.pending-failed", label, e.what(), String.valueOf(failed.getMessage()));
            }
            journal.clear(e.id());
            String line = sentence;
            LOG.info(line);
            said.add(line);
        }
        return said;
    }
}
