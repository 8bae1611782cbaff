package org.duovirt.core.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The OS presets: osinfo-db's system database, then /etc/osinfo, then ~/.config/osinfo (a later one
 * overrides an OS of the same id, as libosinfo does), with inheritance along derives-from, plus a small
 * table of our own for releases newer than the installed database. Shared by the wizard and the CLI.
 */
public final class OsPresets {
    private static final Logger LOG = Logger.getLogger(OsPresets.class.getName());
    private static volatile OsPresets system;
    private final List<OsPreset> all;

    OsPresets(List<OsPreset> all) {
        this.all = List.copyOf(all);
    }

    /** The presets of this machine's databases (read once, about a second for osinfo-db's ~900 files). */
    public static OsPresets system() {
        OsPresets p = system;
        if (p == null) {
            String home = System.getProperty("user.home");
            p = load(List.of(Path.of("/usr/share/osinfo"), Path.of("/etc/osinfo"), Path.of(home, ".config", "osinfo")));
            system = p;
        }
        return p;
    }

    /** Reads the databases in order (missing ones are skipped) and adds our own table where they say nothing. */
    public static OsPresets load(List<Path> databases) {
        Map<String, OsPreset> byId = new LinkedHashMap<>();
        for (Path db : databases) {
            Path os = db.resolve("os");
            if (!Files.isDirectory(os)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(os, 2)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                    try {
                        OsPreset preset = OsInfoReader.read(f);
                        if (preset != null) {
                            byId.put(preset.id(), preset);
                        }
                    } catch (IOException e) {
                        LOG.fine(() -> "Skipping " + f + ": " + e.getMessage());
                    }
                }
            } catch (IOException e) {
                LOG.info(() -> "Cannot read " + os + ": " + e.getMessage());
            }
        }
        for (OsPreset own : NewerReleases.TABLE) {
            boolean known = byId.values().stream().anyMatch(p -> p.shortId().equals(own.shortId()));
            if (!known) {
                byId.put(own.id(), own);
            }
        }
        List<OsPreset> resolved = new ArrayList<>();
        for (OsPreset p : byId.values()) {
            resolved.add(inherit(p, byId, 0));
        }
        resolved.sort(Comparator.comparing(OsPreset::shortId));
        return new OsPresets(resolved);
    }

    private static OsPreset inherit(OsPreset p, Map<String, OsPreset> byId, int depth) {
        OsPreset current = p;
        while (depth++ < 20 && current.derivesFrom() != null && byId.containsKey(current.derivesFrom())
                && (current.recommendedMiB() == 0 || current.recommendedGiB() == 0 || !current.virtio() || current.family() == null)) {
            current = current.inheritFrom(byId.get(current.derivesFrom()));
        }
        return current;
    }

    public List<OsPreset> all() {
        return all;
    }

    /** By short id (debian12) or full id (http://debian.org/debian/12). */
    public Optional<OsPreset> find(String idOrShortId) {
        if (idOrShortId == null || idOrShortId.isBlank()) {
            return Optional.empty();
        }
        String key = idOrShortId.strip();
        return all.stream().filter(p -> p.shortId().equalsIgnoreCase(key) || p.id().equals(key)).findFirst();
    }

    /** Presets whose short id, name, id, vendor or family contains every word of {@code text} (case-insensitive). */
    public List<OsPreset> search(String text) {
        if (text == null || text.isBlank()) {
            return all;
        }
        String[] words = text.toLowerCase(Locale.ROOT).split("\\s+");
        return all.stream().filter(p -> {
            String hay = (p.shortId() + " " + p.name() + " " + p.id() + " " + p.vendor() + " " + p.family()).toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!hay.contains(w)) {
                    return false;
                }
            }
            return true;
        }).toList();
    }
}
