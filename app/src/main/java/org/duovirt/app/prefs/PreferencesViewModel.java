package org.duovirt.app.prefs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.duovirt.app.Messages;
import org.duovirt.app.config.StatsIntervals;
import org.duovirt.app.host.HostSession;

/** The Preferences dialog: each host's update interval (1–60 s), applied to its stats hub and remembered. */
public final class PreferencesViewModel {
    /** One host's row. */
    public record HostInterval(HostSession host, IntegerProperty seconds) {
    }

    private final StatsIntervals store;
    private final List<HostInterval> hosts = new ArrayList<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public PreferencesViewModel(List<HostSession> sessions, StatsIntervals store) {
        this.store = store;
        for (HostSession s : sessions) {
            int seconds = (int) Math.max(StatsIntervals.MIN_SECONDS, Math.min(StatsIntervals.MAX_SECONDS,
                    Math.round(s.statsInterval().toMillis() / 1000.0)));
            HostInterval row = new HostInterval(s, new SimpleIntegerProperty(seconds));
            row.seconds().addListener(o -> check());
            hosts.add(row);
        }
    }

    public List<HostInterval> hosts() {
        return hosts;
    }

    /** One sentence when a value is out of range, else empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private boolean check() {
        for (HostInterval h : hosts) {
            if (!StatsIntervals.valid(h.seconds().get())) {
                problem.set(Messages.get("prefs.interval.range", h.host().displayName(),
                        StatsIntervals.MIN_SECONDS, StatsIntervals.MAX_SECONDS));
                return false;
            }
        }
        problem.set("");
        return true;
    }

    /** Applies every interval to its host's hub and saves them; false (nothing changed) when one is out of range. */
    public boolean apply() {
        if (!check()) {
            return false;
        }
        Map<String, Integer> saved = store.load();
        for (HostInterval h : hosts) {
            h.host().setStatsInterval(Duration.ofSeconds(h.seconds().get()));
            saved.put(h.host().config().uri(), h.seconds().get());
        }
        store.save(saved);
        return true;
    }

    /** Applies the remembered interval of {@code session}, if any (at start-up and for a new host). */
    public static void restore(HostSession session, StatsIntervals store) {
        Integer seconds = store.load().get(session.config().uri());
        if (seconds != null) {
            session.setStatsInterval(Duration.ofSeconds(seconds));
        }
    }
}
