package org.duovirt.kvm;

import com.sun.jna.Pointer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a C array of virTypedParameter. x86-64 layout (96 bytes each): char field[80] at 0, int type at
 * 80, the value union at 88. Integers become Long (unsigned ones are read as their bits: counters do not
 * reach 2^63), doubles Double, booleans Boolean, strings String.
 */
final class TypedParams {
    static final int SIZE = 96;
    static final int FIELD_LENGTH = 80;
    static final int TYPE_OFFSET = 80;
    static final int VALUE_OFFSET = 88;

    static final int INT = 1;
    static final int UINT = 2;
    static final int LLONG = 3;
    static final int ULLONG = 4;
    static final int DOUBLE = 5;
    static final int BOOLEAN = 6;
    static final int STRING = 7;

    private TypedParams() {
    }

    static Map<String, Object> read(Pointer params, int count) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (params == null) {
            return out;
        }
        for (int i = 0; i < count; i++) {
            long base = (long) i * SIZE;
            String field = field(params, base);
            int type = params.getInt(base + TYPE_OFFSET);
            Object value = switch (type) {
                case INT -> (long) params.getInt(base + VALUE_OFFSET);
                case UINT -> Integer.toUnsignedLong(params.getInt(base + VALUE_OFFSET));
                case LLONG, ULLONG -> params.getLong(base + VALUE_OFFSET);
                case DOUBLE -> params.getDouble(base + VALUE_OFFSET);
                case BOOLEAN -> params.getInt(base + VALUE_OFFSET) != 0;
                case STRING -> {
                    Pointer text = params.getPointer(base + VALUE_OFFSET);
                    yield text == null ? null : text.getString(0, "UTF-8");
                }
                default -> null;
            };
            if (value != null) {
                out.put(field, value);
            }
        }
        return out;
    }

    /** The NUL-terminated field name, at most 80 bytes. */
    private static String field(Pointer params, long base) {
        byte[] bytes = params.getByteArray(base, FIELD_LENGTH);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }
}
