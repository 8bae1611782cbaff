package org.duovirt.app.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The update interval of each host (by connection URI), 1–60 s, in stats-intervals.json beside the other
 * settings. A broken file or an out-of-range value is ignored, never fatal.
 */
public final class StatsIntervals {
    public static final int MIN_SECONDS = 1;
    public static final int MAX_SECONDS = 60;
    private static final Logger LOG = Logger.getLogger(StatsIntervals.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    public StatsIntervals(Path configDir) {
        this.file = configDir.resolve("stats-intervals.json");
    }

    /** URI → seconds, only values within 1–60. */
    public Map<String, Integer> load() {
        Map<String, Integer> out = new TreeMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            Map<String, Integer> read = JSON.readValue(file.toFile(), new TypeReference<Map<String, Integer>>() { });
            read.forEach((uri, s) -> {
                if (s != null && valid(s)) {
                    out.put(uri, s);
                }
            });
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Ignoring unreadable " + file, e);
        }
        return out;
    }

    public void save(Map<String, Integer> intervals) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), new TreeMap<>(intervals));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save " + file, e);
        }
    }

    public static boolean valid(int seconds) {
        return seconds >= MIN_SECONDS && seconds <= MAX_SECONDS;
    }
}
