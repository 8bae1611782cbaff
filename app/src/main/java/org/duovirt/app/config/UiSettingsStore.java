package org.duovirt.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/** ui.json in the config directory. A broken file is logged and replaced by defaults, never fatal. */
public final class UiSettingsStore {
    private static final Logger LOG = Logger.getLogger(UiSettingsStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Path file;

    public UiSettingsStore(Path configDir) {
        this.file = configDir.resolve("ui.json");
    }

    public UiSettings load() {
        if (!Files.exists(file)) {
            return UiSettings.defaults();
        }
        try {
            return JSON.readValue(file.toFile(), UiSettings.class).withDefaults();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Ignoring unreadable " + file, e);
            return UiSettings.defaults();
        }
    }

    public void save(UiSettings settings) {
        try {
            PrivateFiles.write(file, JSON.writeValueAsBytes(settings));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not save " + file, e);
        }
    }
}
