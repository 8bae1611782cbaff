package org.duovirt.core.model;

import java.util.ArrayList;
import java.util.List;

/** What is wrong with a {@link PoolSpec}, every problem at once and each tied to its field, before a host sees it. */
public final class PoolSpecValidator {
    /** The field a problem belongs next to. */
    public enum Field { NAME, TYPE, TARGET, SOURCE, SOURCE_HOST }

    /** One sentence for one field. */
    public record Problem(Field field, String message) {
    }

    /** Longest path libvirt and Linux accept (PATH_MAX less the terminating NUL). */
    static final int MAX_PATH = 4095;

    private PoolSpecValidator() {
    }

    public static List<Problem> problems(PoolSpec spec) {
        List<Problem> out = new ArrayList<>();
        String name = nameProblem(spec.name());
        if (name != null) {
            out.add(new Problem(Field.NAME, name));
        }
        if (spec.type() == null) {
            out.add(new Problem(Field.TYPE, "Choose the pool's type: dir, fs, logical or netfs."));
            return out;
        }
        boolean targetOptional = spec.type() == PoolSpec.Type.LOGICAL;
        String target = pathProblem("target directory", spec.target(), targetOptional);
        if (target != null) {
            out.add(new Problem(Field.TARGET, target));
        }
        switch (spec.type()) {
            case FS -> add(out, Field.SOURCE, pathProblem("source device", spec.source(), false));
            case NETFS -> {
                add(out, Field.SOURCE, pathProblem("export path", spec.source(), false));
                add(out, Field.SOURCE_HOST, hostProblem(spec.sourceHost()));
            }
            case LOGICAL -> add(out, Field.SOURCE, volumeGroupProblem(spec.source()));
            case DIR -> { }
        }
        return out;
    }

    /** Why the text cannot name a pool, or null. Unicode letters work; the name becomes a file name on the host. */
    public static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "Give the pool a name.";
        }
        if (name.length() > 64 || !name.matches("[\\p{L}\\p{N}_][\\p{L}\\p{N}._+-]*")) {
            return "'" + DeviceInputs.printable(name) + "' cannot name a pool; use up to 64 letters, digits, '.', '_', '+'"
                    + " or '-', starting with a letter, digit or '_'.";
        }
        return null;
    }

    /**
     * Why the text is not a usable absolute path on the host, or null. Spaces, quotes, '$', '<' and unicode are
     * kept as they are (the definition is written with the XML writer); control characters, relative paths and
     * '.' or '..' parts are refused, because libvirt would store another path than the one shown.
     */
    public static String pathProblem(String what, String path, boolean optional) {
        if (path == null || path.isEmpty()) {
            return optional ? null : "Give the " + what + ".";
        }
        String shown = DeviceInputs.printable(path);
        if (path.codePoints().anyMatch(Character::isISOControl)) {
            return "The " + what + " '" + shown + "' contains a control character (a newline or tab); type it on one line.";
        }
        if (!path.startsWith("/")) {
            return "The " + what + " '" + shown + "' is relative; give a path that starts with '/'.";
        }
        if (path.length() > MAX_PATH) {
            return "The " + what + " is " + path.length() + " characters long; the host takes at most " + MAX_PATH + ".";
        }
        if (path.length() > 1 && path.endsWith("/") || path.contains("//")) {
            return "The " + what + " '" + shown + "' has an empty part ('//' or a trailing '/'); remove it.";
        }
        for (String part : path.substring(1).split("/")) {
            if (part.equals(".") || part.equals("..")) {
                return "The " + what + " '" + shown + "' has a '" + part + "' part; give the real directory.";
            }
        }
        if (path.equals("/")) {
            return "The " + what + " cannot be the root directory '/'.";
        }
        return null;
    }

    static String hostProblem(String host) {
        if (host == null || host.isBlank()) {
            return "Give the NFS server's host name or address.";
        }
        if (!host.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?|\\[?[0-9A-Fa-f:.]+]?")) {
            return "'" + DeviceInputs.printable(host) + "' is not a host name or address like nas.example.org or 192.168.1.5.";
        }
        return null;
    }

    static String volumeGroupProblem(String vg) {
        if (vg == null || vg.isBlank()) {
            return "Give the volume group's name.";
        }
        // LVM's own rule for VG names.
        if (vg.length() > 127 || !vg.matches("[A-Za-z0-9+_.][A-Za-z0-9+_.-]*") || vg.equals(".") || vg.equals("..")) {
            return "'" + DeviceInputs.printable(vg) + "' is not a volume group name; LVM takes letters, digits, '+', '_', '.'"
                    + " and '-', not starting with '-'.";
        }
        return null;
    }

    private static void add(List<Problem> out, Field field, String problem) {
        if (problem != null) {
            out.add(new Problem(field, problem));
        }
    }
}
