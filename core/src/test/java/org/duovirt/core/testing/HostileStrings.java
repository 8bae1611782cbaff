package org.duovirt.core.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The random strings every property suite feeds Duovirt: mostly what breaks things (controls, bidi
 * overrides, separators, lone surrogates, quotes, shell, URI and XML syntax), mixed with arbitrary text.
 */
public final class HostileStrings {
    private static final char[] NASTY = {'\n', '\r', '\t', '\0', '\u001b', '\u007f', '\u0085', '\u202e', '\u2028', '\u2029',
        '\u200b', '\ufeff', '\ud800', '\udc00', '\ud83d', '\ude00', '\\', '\'', '"', '$', '`', '(', ')', ';', '&', '|', '<',
        '>', '*', '~', '!', '{', '}', '[', ']', '/', '.', '-', '^', ',', '=', '%', '@', ':', '?', '#', ' ', 'a', 'Z', '0',
        '9', 'é', '漢'};

    private HostileStrings() {
    }

    /** Strings of 0 to {@code maxLength} characters, without NUL when {@code withNul} is false. */
    public static Arbitrary<String> upTo(int maxLength, boolean withNul) {
        Arbitrary<String> nasty = Arbitraries.chars().with(NASTY).list().ofMaxSize(maxLength).map(cs -> {
            StringBuilder b = new StringBuilder();
            cs.forEach(b::append);
            return b.toString();
        });
        Arbitrary<String> any = Arbitraries.oneOf(nasty, Arbitraries.strings().ofMaxLength(maxLength));
        return withNul ? any : any.filter(s -> s.indexOf('\0') < 0);
    }
}
