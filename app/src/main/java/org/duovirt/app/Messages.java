package org.duovirt.app;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every visible string, from the bundles in the resources module. Spanish comes from the locale or
 * {@code -Dduovirt.lang=es}. Patterns with arguments follow {@link MessageFormat} (a quote is written '').
 */
public final class Messages {
    public static final String BUNDLE = "org.duovirt.resources.i18n.messages";
    private static volatile ResourceBundle bundle = load(chosenLocale());

    private Messages() {
    }

    public static Locale chosenLocale() {
        String lang = System.getProperty("duovirt.lang");
        return lang == null || lang.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(lang);
    }

    /** Switches the language (tests; the app picks it once at start). */
    public static void use(Locale locale) {
        bundle = load(locale);
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    private static ResourceBundle load(Locale locale) {
        // The root bundle is English; without NO_FALLBACK a German JVM would get the JVM-locale bundle first.
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** A broken bound in the user's language: the same key and values as core's English sentence. */
    public static String problem(org.duovirt.core.limits.Problem problem) {
        String text = get(problem.limit().key(), problem.args().toArray());
        return text.startsWith("!") ? problem.text() : text;
    }

    /** The text for {@code key}, formatted with {@code args} when there are any. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
