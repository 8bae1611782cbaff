package org.duovirt.core.text;

/**
 * How text that came from a host (names, paths, error messages, definitions) is printed, the same in
 * the CLI and the app: control characters (Unicode Cc), format characters such as the bidi overrides
 * U+202E (Cf), line and paragraph separators (Zl, Zp) and lone surrogates are shown as escapes, so a
 * name cannot move the cursor, recolour the terminal, reverse the text after it or fake a second line.
 * A backslash is doubled, so every escaped text reads back as exactly one original
 * ({@link #unescape}).
 */
public final class Printable {
    private Printable() {
    }

    /** True for the characters names refuse and output escapes: Cc, Cf, Zl, Zp and lone surrogates. */
    public static boolean isHostile(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    /** The first hostile code point, or -1. */
    public static int firstHostile(String text) {
        return text == null ? -1 : text.codePoints().filter(Printable::isHostile).findFirst().orElse(-1);
    }

    /** One line of output: every hostile character escaped, newlines and tabs too. */
    public static String line(String text) {
        return escape(text, false);
    }

    /** A block of output (a domain XML, an xl config, details): newlines and tabs stay, the rest is escaped. */
    public static String block(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLayout) {
        if (text == null) {
            return null;
        }
        if (text.indexOf('\\') < 0 && firstHostile(text) < 0) {
            return text; // the common case allocates nothing
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (cp == '\\') {
                out.append("\\\\");
            } else if (keepLayout && (cp == '\n' || cp == '\t')) {
                out.appendCodePoint(cp);
            } else if (!isHostile(cp)) {
                out.appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp > 0xFFFF) {
                out.append(String.format(java.util.Locale.ROOT, "\\U%08x", cp));
            } else {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", cp));
            }
        });
        return out.toString();
    }

    /**
     * The original of {@link #line}'s output (for tests and for reading a name back from a listing).
     *
     * @throws IllegalArgumentException for text {@link #line} cannot have written
     */
    public static String unescape(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= escaped.length()) {
                throw new IllegalArgumentException("A lone backslash ends the text.");
            }
            char k = escaped.charAt(++i);
            switch (k) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u', 'U' -> {
                    int digits = k == 'u' ? 4 : 8;
                    if (i + digits >= escaped.length()) {
                        throw new IllegalArgumentException("A short \\" + k + " escape.");
                    }
                    int cp;
                    try {
                        cp = Integer.parseInt(escaped.substring(i + 1, i + 1 + digits), 16);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("A bad \\" + k + " escape.");
                    }
                    if (!Character.isValidCodePoint(cp)) {
                        throw new IllegalArgumentException("A bad \\" + k + " escape.");
                    }
                    out.appendCodePoint(cp);
                    i += digits;
                }
                default -> throw new IllegalArgumentException("An unknown escape \\" + k + ".");
            }
        }
        return out.toString();
    }
}
