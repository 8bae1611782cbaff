package org.duovirt.core.model;

/**
 * Checks of the free text a user gives a VM besides its name (see {@link VmSpecValidator#nameProblem} for
 * that): a description may hold any printable text, quotes, {@code <}, {@code $(…)} and unicode included,
 * on several lines, because writers escape it; only what an XML definition cannot carry is refused.
 */
public final class VmTexts {
    /** virt-manager and libvirt set no limit; this one keeps a definition readable. */
    public static final int MAX_DESCRIPTION_LENGTH = 4096;

    private VmTexts() {
    }

    /** @return why the description cannot be saved, as one sentence, or null when it can */
    public static String descriptionProblem(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_DESCRIPTION_LENGTH) {
            return "The description is " + text.length() + " characters long; use at most " + MAX_DESCRIPTION_LENGTH + ".";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                return "The description must not contain control characters other than newlines and tabs ("
                        + String.format(java.util.Locale.ROOT, "U+%04X", (int) c) + " found).";
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(++i)))) {
                return "The description holds a broken unicode character; type it again.";
            }
        }
        return null;
    }
}
