package org.duovirt.app.definition;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a definition into coloured spans: libvirt domain XML (tags, attribute names and values,
 * comments) or an xl cfg (keys, strings, numbers, comments). Pure text in, spans out; the spans' texts joined
 * give the line back unchanged. A line-at-a-time scanner is enough for libvirt's one-element-per-line output;
 * {@code inComment} carries an XML comment that spans lines.
 */
final class SyntaxSpans {
    /** What a span is, for its colour. */
    enum Kind { TEXT, TAG, ATTRIBUTE, VALUE, COMMENT, KEY, NUMBER, PUNCTUATION }

    record Span(Kind kind, String text) {
    }

    /** The scanner's state between lines: whether an XML comment is open. */
    static final class State {
        boolean inComment;
    }

    private SyntaxSpans() {
    }

    /** True when the text looks like XML (its first non-blank character is '<'). */
    static boolean isXml(String text) {
        return text.stripLeading().startsWith("<");
    }

    static List<Span> xml(String line, State state) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (state.inComment) {
                int end = line.indexOf("-->", i);
                int stop = end < 0 ? n : end + 3;
                out.add(new Span(Kind.COMMENT, line.substring(i, stop)));
                state.inComment = end < 0;
                i = stop;
            } else if (line.startsWith("<!--", i)) {
                state.inComment = true;
            } else if (line.charAt(i) == '<') {
                i = tag(line, i, out);
            } else {
                int next = line.indexOf('<', i);
                int stop = next < 0 ? n : next;
                out.add(new Span(Kind.TEXT, line.substring(i, stop)));
                i = stop;
            }
        }
        return out;
    }

    /** One tag from '<' to '>' (or the line's end): name, then attribute names and quoted values. */
    private static int tag(String line, int start, List<Span> out) {
        int n = line.length();
        int i = start + 1;
        while (i < n && "/?!".indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        while (i < n && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != '>' && line.charAt(i) != '/') {
            i++;
        }
        out.add(new Span(Kind.TAG, line.substring(start, i)));
        while (i < n) {
            char c = line.charAt(i);
            if (c == '>' || (c == '/' && i + 1 < n && line.charAt(i + 1) == '>') || (c == '?' && i + 1 < n && line.charAt(i + 1) == '>')) {
                int end = line.indexOf('>', i) + 1;
                out.add(new Span(Kind.TAG, line.substring(i, end)));
                return end;
            }
            if (c == '"' || c == '\'') {
                int close = line.indexOf(c, i + 1);
                int stop = close < 0 ? n : close + 1;
                out.add(new Span(Kind.VALUE, line.substring(i, stop)));
                i = stop;
            } else if (Character.isWhitespace(c) || c == '=') {
                int stop = i;
                while (stop < n && (Character.isWhitespace(line.charAt(stop)) || line.charAt(stop) == '=')) {
                    stop++;
                }
                out.add(new Span(Kind.PUNCTUATION, line.substring(i, stop)));
                i = stop;
            } else {
                int stop = i;
                while (stop < n && "=>\"' \t/".indexOf(line.charAt(stop)) < 0) {
                    stop++;
                }
                stop = Math.max(stop, i + 1);
                out.add(new Span(Kind.ATTRIBUTE, line.substring(i, stop)));
                i = stop;
            }
        }
        return n;
    }

    /** One line of an xl cfg: {@code key = value} with strings, numbers, lists and # comments. */
    static List<Span> cfg(String line) {
        List<Span> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        int eq = line.indexOf('=');
        int hash = line.indexOf('#');
        if (eq > 0 && (hash < 0 || eq < hash)) {
            out.add(new Span(Kind.KEY, line.substring(0, eq)));
            out.add(new Span(Kind.PUNCTUATION, "="));
            i = eq + 1;
        }
        while (i < n) {
            char c = line.charAt(i);
            if (c == '#') {
                out.add(new Span(Kind.COMMENT, line.substring(i)));
                return out;
            }
            int stop;
            Kind kind;
            if (c == '"' || c == '\'') {
                int close = line.indexOf(c, i + 1);
                stop = close < 0 ? n : close + 1;
                kind = Kind.VALUE;
            } else if (Character.isDigit(c)) {
                stop = i;
                while (stop < n && (Character.isLetterOrDigit(line.charAt(stop)) || line.charAt(stop) == '.')) {
                    stop++;
                }
                kind = Kind.NUMBER;
            } else {
                stop = i + 1;
                while (stop < n && "\"'#".indexOf(line.charAt(stop)) < 0 && !Character.isDigit(line.charAt(stop))) {
                    stop++;
                }
                kind = Kind.PUNCTUATION;
            }
            out.add(new Span(kind, line.substring(i, stop)));
            i = stop;
        }
        return out;
    }
}
