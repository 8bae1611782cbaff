package org.duovirt.xen.config;

import org.duovirt.core.error.InvalidSpecException;

/**
 * Quoting of xl.cfg string values. xl's parser (libxlu) reads a double-quoted string with the escapes
 * {@code \\ \" \'} (and C escapes, which Duovirt does not emit). A value holding a control character
 * (newline, NUL, tab …) is rejected rather than encoded: xl's lexer does not take a raw newline inside a
 * string, and such values in a name or path are a mistake or an attack. Values that go inside a disk or
 * vif spec ({@code key=value,key=value}) may not hold a comma either: xl would split them there.
 */
public final class XlQuoting {
    private XlQuoting() {
    }

    /** A double-quoted xl.cfg string. */
    public static String quote(String field, String value) {
        check(field, value);
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A value inside a disk=/vif= spec string: no comma, and (unless last) no '='. */
    public static String specValue(String field, String value, boolean last) {
        check(field, value);
        if (value.indexOf(',') >= 0) {
            throw new InvalidSpecException("The " + field + " '" + value + "' contains a comma, which xl cannot take in a "
                    + (field.contains("bridge") ? "vif" : "disk") + " specification; rename it.");
        }
        if (!last && value.indexOf('=') >= 0) {
            throw new InvalidSpecException("The " + field + " '" + value + "' contains '=', which xl cannot take there; rename it.");
        }
        return value;
    }

    private static void check(String field, String value) {
        if (value == null) {
            throw new InvalidSpecException("The " + field + " is missing.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidSpecException("The " + field + " contains a control character (U+"
                        + String.format("%04X", (int) c) + ", e.g. a newline), which an xl config cannot hold.");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(value.charAt(i - 1)))) {
                throw new InvalidSpecException("The " + field + " contains a broken unicode character.");
            }
        }
    }

    /**
     * Reads a quoted string the way libxlu does ({@code "…"} with backslash escapes, or {@code '…'} raw).
     *
     * @param text the text starting at the opening quote
     * @param end  receives the index just after the closing quote
     */
    public static String unquote(String text, int[] end) {
        char quote = text.charAt(0);
        StringBuilder out = new StringBuilder();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (c == quote) {
                end[0] = i;
                return out.toString();
            }
            if (c == '\\' && quote == '"' && i < text.length()) {
                char n = text.charAt(i++);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        throw new IllegalArgumentException("Unterminated string: " + text);
    }
}
