package org.duovirt.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.uri.Uris;

/**
 * Reads and writes connections.json in the config directory. Every entry is checked on load as a URI
 * typed in the dialog would be (a hand-edited or planted file is autoconnected at start): a bad entry
 * is left out with one sentence saying why, the good ones load, and the bad ones are written back as
 * they were, so nothing the user had is lost.
 */
public final class ConnectionStore {
    public static final String FILE_NAME = "connections.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static volatile Backends installed;

    private final Path file;
    private final Function<ConnectionConfig, List<String>> check;
    private volatile List<String> problems = List.of();
    private volatile List<JsonNode> rejected = List.of();

    /**
     * A store whose entries are checked by the installed backends. An entry no installed backend serves
     * still loads: it shows as a host that cannot connect, with that sentence, instead of vanishing.
     */
    public ConnectionStore(Path configDir) {
        this(configDir, c -> {
            try {
                backends().forUri(c.uri());
            } catch (DuovirtException e) {
                return List.of();
            }
            return backends().uriProblems(c.uri(), c.options());
        });
    }

    public ConnectionStore(Path configDir, Function<ConnectionConfig, List<String>> check) {
        this.file = configDir.resolve(FILE_NAME);
        this.check = check;
    }

    private static Backends backends() {
        Backends b = installed;
        if (b == null) {
            b = Backends.installed();
            installed = b;
        }
        return b;
    }

    public Path file() {
        return file;
    }

    /** Why entries of the last {@link #load} were left out, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    /** The saved connections that pass the checks, or an empty list when there is no file yet. */
    public List<ConnectionConfig> load() {
        if (!Files.exists(file)) {
            problems = List.of();
            rejected = List.of();
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new DuovirtException("Could not read the saved connections in " + file + ".",
                    "Fix or remove the file; Duovirt will start with the default connection.", e.getMessage(), e);
        }
        JsonNode entries = root == null ? null : root.get("connections");
        List<ConnectionConfig> good = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        List<JsonNode> kept = new ArrayList<>();
        if (entries != null && entries.isArray()) {
            int index = 0;
            for (JsonNode entry : entries) {
                index++;
                String problem = problem(entry, index, good);
                if (problem != null) {
                    bad.add(problem);
                    kept.add(entry);
                }
            }
        }
        problems = List.copyOf(bad);
        rejected = List.copyOf(kept);
        return List.copyOf(good);
    }

    private String problem(JsonNode entry, int index, List<ConnectionConfig> good) {
        String where = "Saved connection " + index + " in " + file;
        JsonNode uri = entry == null ? null : entry.get("uri");
        if (uri == null || !uri.isTextual()) {
            return where + " has no URI, so it was left out.";
        }
        ConnectionConfig config;
        try {
            config = JSON.treeToValue(entry, ConnectionConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            return where + " (" + Uris.redact(uri.asText()) + ") is not in the form Duovirt writes, so it was left out.";
        }
        List<String> why = check.apply(config);
        if (!why.isEmpty()) {
            return where + " was left out: " + String.join(" ", why);
        }
        good.add(config);
        return null;
    }

    /** Replaces the file atomically (0600 in a 0700 directory), keeping the entries {@link #load} left out. */
    public void save(List<ConnectionConfig> connections) {
        try {
            ObjectNode root = JSON.createObjectNode();
            root.put("version", 1);
            ArrayNode list = root.putArray("connections");
            connections.forEach(c -> list.add(JSON.valueToTree(c)));
            rejected.forEach(list::add);
            PrivateFiles.write(file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new DuovirtException("Could not save the connections to " + file + ".",
                    "Check that the directory is writable.", e.getMessage(), e);
        }
    }
}
