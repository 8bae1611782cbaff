package org.duovirt.app.graphics;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/** The scaling each VM's console was last shown with, per host URI and VM name, in console-scaling.json. */
public final class ScalingStore {
    private static final Logger LOG = Logger.getLogger(ScalingStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public ScalingStore(Path file) {
        this.file = file;
    }

    public synchronized Scaling get(String uri, String vm) {
        String value = read().get(uri + " " + vm);
        try {
            return value == null ? Scaling.FIT : Scaling.valueOf(value);
        } catch (IllegalArgumentException e) {
            return Scaling.FIT;
        }
    }

    public synchronized void put(String uri, String vm, Scaling scaling) {
        Map<String, String> all = read();
        all.put(uri + " " + vm, scaling.name());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), all);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warning(() -> "Cannot remember the console scaling in " + file + ": " + e.getMessage());
        }
    }

    private Map<String, String> read() {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            LOG.warning(() -> "Ignoring unreadable " + file + ": " + e.getMessage());
            return new TreeMap<>();
        }
    }
}
