package org.duovirt.xen;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.xen.config.XlConfig;
import org.duovirt.xen.config.XlConfigReader;
import org.duovirt.xen.transport.CommandResult;
import org.duovirt.xen.transport.CommandRunner;

/**
 * The configs Duovirt owns on the Xen host. xl keeps no stopped VMs, so a VM that is defined but off
 * exists only as {@code /etc/xen/duovirt/NAME.cfg}; a saved VM also has {@code /var/lib/xen/duovirt/save/NAME.save}.
 * Images Duovirt creates go to {@code /var/lib/xen/duovirt/images/}. All files are reached by path
 * arguments; the shell scripts used here are constants.
 */
public final class OwnedConfigStore {
    public static final String CONFIG_DIR = "/etc/xen/duovirt";
    public static final String SAVE_DIR = "/var/lib/xen/duovirt/save";
    public static final String IMAGE_DIR = "/var/lib/xen/duovirt/images";
    private final String configDir;
    private final String saveDir;
    private final String imageDir;
    /** Prints every cfg as C NUL path NUL content NUL, then every save file as S NUL path NUL. */
    private static final String LIST_SCRIPT = "for f in \"$1\"/*.cfg; do [ -f \"$f\" ] || continue; printf 'C\\000%s\\000' \"$f\"; "
            + "cat -- \"$f\"; printf '\\000'; done; for f in \"$2\"/*.save; do [ -f \"$f\" ] && printf 'S\\000%s\\000' \"$f\"; done; exit 0";

    private final CommandRunner runner;

    /** One owned VM: its config (parsed, or null when unreadable) and whether a save file exists. */
    public record OwnedVm(String name, String path, String text, XlConfig config, boolean saved) {
    }

    /** The store at the standard places. */
    public OwnedConfigStore(CommandRunner runner) {
        this(runner, CONFIG_DIR, SAVE_DIR, IMAGE_DIR);
    }

    /** A store at other places (tests use a temporary directory). */
    public OwnedConfigStore(CommandRunner runner, String configDir, String saveDir, String imageDir) {
        this.runner = runner;
        this.configDir = configDir;
        this.saveDir = saveDir;
        this.imageDir = imageDir;
    }

    public String configDir() {
        return configDir;
    }

    public String saveDir() {
        return saveDir;
    }

    public String imageDir() {
        return imageDir;
    }

    public String configPath(String vm) {
        return configDir + "/" + vm + ".cfg";
    }

    public String savePath(String vm) {
        return saveDir + "/" + vm + ".save";
    }

    /** Every owned VM, keyed by name, in one round trip. */
    public Map<String, OwnedVm> loadAll() {
        CommandResult result = runner.run(List.of("sh", "-c", LIST_SCRIPT, "sh", configDir, saveDir));
        if (!result.ok()) {
            throw new DuovirtException("Could not list the VM configs in " + configDir + " on " + runner.hostLabel() + ".",
                    null, result.stderr(), null);
        }
        return parseListing(result.stdout());
    }

    /** Reads the listing {@link #LIST_SCRIPT} prints. Package-private for tests. */
    static Map<String, OwnedVm> parseListing(String listing) {
        String[] parts = listing.split("\0", -1);
        Set<String> saves = new TreeSet<>();
        Map<String, String[]> configs = new LinkedHashMap<>();
        int i = 0;
        while (i + 1 < parts.length) {
            if (parts[i].equals("C") && i + 2 < parts.length) {
                configs.put(parts[i + 1], new String[] {parts[i + 1], parts[i + 2]});
                i += 3;
            } else if (parts[i].equals("S")) {
                saves.add(baseName(parts[i + 1], ".save"));
                i += 2;
            } else {
                i++;
            }
        }
        Map<String, OwnedVm> vms = new LinkedHashMap<>();
        for (String[] cfg : configs.values()) {
            XlConfig config;
            String name;
            try {
                config = XlConfigReader.read(cfg[1]);
                name = config.name();
            } catch (RuntimeException e) {
                config = null;
                name = baseName(cfg[0], ".cfg");
            }
            vms.put(name, new OwnedVm(name, cfg[0], cfg[1], config, saves.contains(name)));
        }
        return vms;
    }

    /** The owned VM, or null when Duovirt has no config for it. */
    public OwnedVm find(String vm) {
        return loadAll().get(vm);
    }

    public void write(String vm, String text) {
        writeAt(configPath(vm), text);
    }

    /** Writes an owned config at the path it was found at (its file name need not be its VM's name). */
    public void writeAt(String path, String text) {
        mkdir(configDir);
        runner.writeFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Removes a file Duovirt made; a missing file is fine. */
    public void remove(String path) {
        CommandResult result = runner.run(List.of("rm", "-f", "--", path));
        if (!result.ok()) {
            throw new DuovirtException("Could not remove " + path + " on " + runner.hostLabel() + ".", null, result.stderr(), null);
        }
    }

    /** Makes the directory 0700 (also when it was already there: it holds root's VM configs, images and memory). */
    public void mkdir(String dir) {
        CommandResult result = runner.run(List.of("sh", "-c", "mkdir -p -m 0700 -- \"$1\" && chmod 0700 -- \"$1\"", "sh", dir));
        if (!result.ok()) {
            throw new DuovirtException("Could not create " + dir + " on " + runner.hostLabel() + ".", null, result.stderr(), null);
        }
    }

    private static String baseName(String path, String suffix) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        return base.endsWith(suffix) ? base.substring(0, base.length() - suffix.length()) : base;
    }
}
