package org.duovirt.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.error.DuovirtException;

/** Reads and writes connections.json in the config directory. */
public final class ConnectionStore {
    public static final String FILE_NAME = "connections.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;

    public ConnectionStore(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The file's top-level object; a record so the format is explicit and versioned. */
    record FileContent(int version, List<ConnectionConfig> connections) {
    }

    /** The saved connections, or an empty list when there is no file yet. */
    public List<ConnectionConfig> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            FileContent content = JSON.readValue(file.toFile(), FileContent.class);
            return content.connections() == null ? List.of() : List.copyOf(content.connections());
        } catch (IOException e) {
            throw new DuovirtException("Could not read the saved connections in " + file + ".",
                    "Fix or remove the file; Duovirt will start with the default connection.", e.getMessage(), e);
        }
    }

    /** Replaces the file atomically, so a crash never leaves half a file. */
    public void save(List<ConnectionConfig> connections) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            JSON.writeValue(tmp.toFile(), new FileContent(1, new ArrayList<>(connections)));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DuovirtException("Could not save the connections to " + file + ".",
                    "Check that the directory is writable.", e.getMessage(), e);
        }
    }
}
