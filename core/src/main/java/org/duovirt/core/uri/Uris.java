package org.duovirt.core.uri;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.duovirt.core.error.DuovirtException;

/**
 * What every backend does to a connection URI before it uses one: redaction for anything shown or
 * logged, the password refusal, the query as parameters, and checks of parameters naming local files.
 */
public final class Uris {
    /**
     * {@code scheme://user:secret@} (also in text that is no valid URI, e.g. with a '#' in the user that
     * makes the rest a fragment, or an '@' in the user that leaves java.net.URI no host to parse): from the
     * first ':' after "//" to the last '@' before the next '/'.
     */
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/:]*?):[^/]*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&](?:password|passwd|pass)=)[^&#]*");

    private Uris() {
    }

    /** The URI as it may be shown or logged: a password in the userinfo or a password= parameter becomes ***. */
    public static String redact(String uri) {
        if (uri == null) {
            return null;
        }
        String out = USERINFO_PASSWORD.matcher(uri).replaceAll("$1:***@");
        return PASSWORD_PARAM.matcher(out).replaceAll("$1***");
    }

    /** True when the userinfo carries a password ({@code user:secret@host}). */
    public static boolean hasPassword(URI uri) {
        String raw = uri.getRawUserInfo();
        String authority = uri.getRawAuthority();
        if (raw == null && authority != null && authority.lastIndexOf('@') > 0) {
            // An authority java.net.URI could not split (an '@' in the user): the userinfo is all before the last '@'.
            raw = authority.substring(0, authority.lastIndexOf('@'));
        }
        return raw != null && raw.contains(":");
    }

    /** Refuses a URI with a password, naming it redacted. */
    public static void refusePassword(URI uri) {
        if (hasPassword(uri)) {
            throw passwordRefused(uri.toString());
        }
    }

    public static DuovirtException passwordRefused(String uri) {
        return new DuovirtException("'" + redact(uri) + "' holds a password, and Duovirt never takes passwords in URIs.",
                "Remove it and log in with an SSH key (?keyfile=) or the SSH agent.");
    }

    /** The query as decoded key → value pairs (a key without '=' has the value ""). */
    public static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.put(key, value);
            } catch (IllegalArgumentException e) {
                throw new DuovirtException("'" + redact(uri.toString()) + "' has a badly escaped parameter.",
                        "Write %XX escapes with two hex digits.");
            }
        }
        return out;
    }

    /**
     * A parameter naming a file on this machine (a key, known_hosts, a certificate directory): it must be
     * an absolute path, and when it exists, a regular file (or a directory where {@code directory} is
     * set); /dev/null reads as an empty file. A device such as /dev/zero would be read for ever.
     *
     * @return why it cannot be used, one sentence; null when it can
     */
    public static String localFileProblem(String param, String value, boolean directory) {
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            return "The " + param + " parameter '" + value + "' is not a path.";
        }
        if (!path.isAbsolute()) {
            return "The " + param + " parameter must be an absolute path; '" + value + "' is relative.";
        }
        if (!directory && path.equals(Path.of("/dev/null"))) {
            return null; // reads as an empty file: no key is known, every host key is refused
        }
        if (Files.exists(path) && !(directory ? Files.isDirectory(path) : Files.isRegularFile(path))) {
            return "The " + param + " parameter '" + value + "' is not a " + (directory ? "directory" : "regular file") + ".";
        }
        return null;
    }
}
