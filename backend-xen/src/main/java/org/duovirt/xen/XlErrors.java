package org.duovirt.xen;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.VmNotFoundException;
import org.duovirt.xen.transport.CommandResult;

/**
 * Turns a failed xl command into one sentence. xl's stderr mixes progress ("Parsing config from …"),
 * warnings and errors like {@code libxl: error: libxl_domain.c:123:func: Domain 5:Non-existent domain};
 * the sentence keeps the first error's text, the details keep everything.
 */
public final class XlErrors {
    private static final Pattern LIBXL_ERROR = Pattern.compile("libxl: error: (?:[\\w.]+:\\d+:\\w+: )?(?:Domain \\d+:)?\\s*(.*)");
    /** libxc's own errors name the root cause libxl then reports vaguely ("xc_dom_build_image failed"). */
    private static final Pattern XC_ERROR = Pattern.compile("xc: error: (?:panic: )?(?:[\\w.]+:\\d+: )?(?:\\w+: )?(.*)");

    private XlErrors() {
    }

    /**
     * @param action what was being done, as a phrase after "Could not" ("start the VM 'web'")
     * @param vm     the VM concerned, or null; an "invalid domain identifier" then means it does not exist
     */
    public static DuovirtException error(CommandResult result, String action, String vm, String host) {
        String stderr = result.stderr() == null ? "" : result.stderr();
        if (vm != null && stderr.contains("is an invalid domain identifier")) {
            return new VmNotFoundException(vm, host);
        }
        return new DuovirtException("Could not " + action + " on " + host + ": " + reason(stderr, result.stdout(), result.exitCode()) + ".",
                hint(stderr), stderr.isBlank() ? result.stdout() : stderr, null);
    }

    /** The most telling line of xl's output, without trailing punctuation. */
    static String reason(String stderr, String stdout, int exitCode) {
        for (String line : stderr.split("\n")) {
            Matcher m = XC_ERROR.matcher(line.strip());
            if (m.matches() && !m.group(1).isBlank()) {
                return trim(m.group(1));
            }
        }
        for (String line : stderr.split("\n")) {
            Matcher m = LIBXL_ERROR.matcher(line.strip());
            if (m.matches() && !m.group(1).isBlank()) {
                return trim(m.group(1));
            }
        }
        for (String line : (stderr + "\n" + stdout).split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("Parsing config from") && !l.startsWith("libxl: warning")
                    && !l.startsWith("WARNING:")) {
                return trim(l.replaceFirst("^ERROR:\\s*", ""));
            }
        }
        return "xl exited with code " + exitCode;
    }

    private static String hint(String stderr) {
        if (stderr.contains("Can't find hypervisor information in sysfs")) {
            return "This machine is not running Xen.";
        }
        if (stderr.contains("overcommmitting") || stderr.contains("overcommitting")) {
            return "Give the VM at most as many vCPUs as the host has CPUs.";
        }
        if (stderr.contains("Permission denied") || stderr.contains("must be root")) {
            return "xl needs root on the Xen host.";
        }
        if (stderr.contains("not enough memory") || stderr.contains("failed to free memory")) {
            return "Free memory on the host or give the VM less.";
        }
        if (stderr.contains("too large") && stderr.contains("Out of memory")) {
            return "The VM's memory is too small for its kernel and initrd; give it more.";
        }
        return "Show details for xl's full output.";
    }

    private static String trim(String text) {
        String t = text.strip();
        while (t.endsWith(".") || t.endsWith(":") || t.endsWith("!")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
