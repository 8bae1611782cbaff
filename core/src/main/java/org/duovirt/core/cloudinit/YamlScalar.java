package org.duovirt.core.cloudinit;

/**
 * Writes any string as a YAML double-quoted scalar, so a value is always data and never YAML: quotes,
 * backslashes, '#', ': ', '&', '*', '{', newlines and every control or separator character are escaped
 * (YAML 1.1 and 1.2 read the same escapes; cloud-init parses with PyYAML, a 1.1 reader).
 */
public final class YamlScalar {
    private YamlScalar() {
    }

    /** The value between double quotes, escaped; the result is one line. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(c -> escape(c, out));
        return out.append('"').toString();
    }

    private static void escape(int c, StringBuilder out) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            case '\r' -> out.append("\\r");
            case 0 -> out.append("\\0");
            case 0x85 -> out.append("\\N");
            case 0xA0 -> out.append("\\_");
            case 0x2028 -> out.append("\\L");
            case 0x2029 -> out.append("\\P");
            default -> {
                if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                    out.append(String.format("\\x%02X", c));
                } else if (c == 0xFEFF || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE
                        || (c >= 0xFFFE && c <= 0xFFFF)) {
                    // Not printable in YAML's sense (or a byte-order mark mid-stream): written as an escape.
                    out.append(c > 0xFFFF ? String.format("\\U%08X", c) : String.format("\\u%04X", c));
                } else {
                    out.appendCodePoint(c);
                }
            }
        }
    }
}
