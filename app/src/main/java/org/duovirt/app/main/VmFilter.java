package org.duovirt.app.main;

import java.util.Locale;
import java.util.function.Predicate;
import org.duovirt.app.Messages;
import org.duovirt.app.host.VmRow;

/**
 * The filter box: every word must match somewhere in the name, the state (English or translated) or the
 * host, as a substring and ignoring case; "web run" finds running VMs whose name contains "web".
 */
public final class VmFilter {
    private VmFilter() {
    }

    public static Predicate<VmRow> of(String text) {
        if (text == null || text.isBlank()) {
            return row -> true;
        }
        String[] words = text.toLowerCase(Locale.ROOT).trim().split("\\s+");
        return row -> {
            String haystack = haystack(row);
            for (String w : words) {
                if (!haystack.contains(w)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static String haystack(VmRow row) {
        StringBuilder b = new StringBuilder(row.name()).append('\n').append(row.host().displayName())
                .append('\n').append(row.host().config().uri());
        if (row.state() != null) {
            b.append('\n').append(row.state().cliName())
                    .append('\n').append(Messages.get("state." + row.state().cliName()));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
