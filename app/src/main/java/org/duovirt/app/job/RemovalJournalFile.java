package org.duovirt.app.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.duovirt.app.config.PrivateFiles;
import org.duovirt.app.job.RemovalJournal.Entry;

/**
 * The journal file's JSON, read and written under {@link RemovalJournal}'s lock. A class of its own so that Jackson
 * is loaded only when there is a journal: every CLI command looks for one, and almost never finds it.
 */
final class RemovalJournalFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RemovalJournalFile() {
    }

    static List<Entry> read(Path file) throws IOException {
        List<Entry> list = new ArrayList<>();
        if (!Files.exists(file)) {
            return list;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException unreadable) {
            root = null;
        }
        if (root == null || !root.path("pending").isArray()) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            Logger.getLogger(RemovalJournal.class.getName()).warning("The journal of pending removals " + file + " could not be read; it was kept as " + aside
                    + " and a new one started (what it listed is not removed automatically).");
            return list;
        }
        for (JsonNode n : root.get("pending")) {
            Entry e = parse(n);
            if (e == null) {
                Logger.getLogger(RemovalJournal.class.getName()).warning("An unreadable entry of " + file + " was dropped: " + n);
            } else {
                list.add(e);
            }
        }
        return list;
    }

    private static Entry parse(JsonNode n) {
        if (!n.path("id").isTextual() || !n.path("host").isTextual() || !n.path("vm").isTextual()) {
            return null;
        }
        List<String> before = null;
        if (n.path("volumesBefore").isArray()) {
            before = new ArrayList<>();
            for (JsonNode v : n.get("volumesBefore")) {
                before.add(v.asText());
            }
        }
        Instant since;
        try {
            since = Instant.parse(n.path("since").asText());
        } catch (java.time.format.DateTimeParseException e) {
            since = Instant.EPOCH;
        }
        return new Entry(n.get("id").asText(), n.get("host").asText(), n.get("vm").asText(), n.path("what").asText(n.get("vm").asText()),
                n.path("pool").isTextual() ? n.get("pool").asText() : null, before, since, n.path("pid").asLong(), n.path("pidStart").asLong());
    }

    static void write(Path file, List<Entry> list) throws IOException {
        if (list.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 1);
        ArrayNode pending = root.putArray("pending");
        for (Entry e : list) {
            ObjectNode n = pending.addObject();
            n.put("id", e.id());
            n.put("host", e.host());
            n.put("vm", e.vm());
            n.put("what", e.what());
            if (e.pool() != null) {
                n.put("pool", e.pool());
            }
            if (e.volumesBefore() != null) {
                ArrayNode before = n.putArray("volumesBefore");
                e.volumesBefore().forEach(before::add);
            }
            n.put("since", e.since().toString());
            n.put("pid", e.pid());
            n.put("pidStart", e.pidStart());
        }
        PrivateFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
