package org.duovirt.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.List;
import org.duovirt.core.text.Printable;

/** Prints a command's result as JSON or as plain text. */
final class Output {
    private final PrintStream out;
    private final boolean json;

    Output(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    boolean isJson() {
        return json;
    }

    /** Prints {@code value} (maps, lists, records of plain values) as one JSON document on one line. */
    void json(Object value) {
        try {
            out.println(Mapper.JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot print JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** One line; what came from a host is escaped (see {@link Printable}), as the app shows it. */
    void line(String text) {
        out.println(Printable.line(text));
    }

    /** Several lines (a definition, CSV rows) keeping their layout; each line escaped as {@link #line} does. */
    void block(String text) {
        String shown = Printable.block(text.replace("\r\n", "\n").stripTrailing());
        out.println(shown);
    }

    /** A left-aligned table with a header row; columns are as wide as their widest cell. */
    void table(List<String> header, List<List<String>> rawRows) {
        List<List<String>> rows = rawRows.stream().map(r -> r.stream().map(Printable::line).toList()).toList();
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        printRow(header, widths);
        for (List<String> row : rows) {
            printRow(row, widths);
        }
    }

    /** Jackson costs about 0.1 s to set up: only commands that print JSON pay for it. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    private void printRow(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }
}
