package org.duovirt.core.cloudinit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The two files of a NoCloud seed — {@code meta-data} and {@code user-data} — written as text line by line,
 * every user value through {@link YamlScalar#quote}. With a user-data file of the user's own, the user-data
 * is a MIME multipart: Duovirt's cloud-config first, the user's file second (cloud-init runs both).
 */
public final class NoCloudSeed {
    public static final String META_DATA = "meta-data";
    public static final String USER_DATA = "user-data";

    private NoCloudSeed() {
    }

    /**
     * @param fallbackHostname the host name when the config gives none (a file-safe form of the VM's name)
     * @return file name → content, meta-data first
     */
    public static Map<String, byte[]> files(CloudInitConfig config, String fallbackHostname) {
        String hostname = config.hostname() != null ? config.hostname() : fallbackHostname;
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(META_DATA, metaData(hostname).getBytes(StandardCharsets.UTF_8));
        files.put(USER_DATA, userData(config, hostname).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** A host name from a VM name (the fallback for {@link #files}): letters, digits and '-', at most 63, never empty. */
    public static String hostnameFor(String vmName) {
        String h = vmName.codePoints().mapToObj(c -> c < 128 && Character.isLetterOrDigit(c) ? String.valueOf((char) c) : "-")
                .collect(java.util.stream.Collectors.joining()).replaceAll("-+", "-").replaceAll("^-|-$", "");
        h = h.length() > 63 ? h.substring(0, 63).replaceAll("-$", "") : h;
        return h.isEmpty() ? "vm" : h;
    }

    static String metaData(String hostname) {
        // A fresh instance id per seed: cloud-init runs its first-boot modules once per instance id.
        return "instance-id: " + YamlScalar.quote("duovirt-" + UUID.randomUUID()) + "\n"
                + "local-hostname: " + YamlScalar.quote(hostname) + "\n";
    }

    static String userData(CloudInitConfig c, String hostname) {
        String ours = cloudConfig(c, hostname);
        if (c.userData() == null) {
            return ours;
        }
        String boundary = "==duovirt-" + UUID.randomUUID() + "==";
        while (c.userData().contains(boundary)) {
            boundary = "==duovirt-" + UUID.randomUUID() + "==";
        }
        return "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\n"
                + "MIME-Version: 1.0\n\n"
                + part(boundary, "text/cloud-config", "duovirt.cfg", ours)
                + part(boundary, CloudInitRules.contentType(c.userData()), "user-data", c.userData())
                + "--" + boundary + "--\n";
    }

    private static String part(String boundary, String type, String file, String body) {
        return "--" + boundary + "\n"
                + "Content-Type: " + type + "; charset=\"utf-8\"\n"
                + "MIME-Version: 1.0\n"
                + "Content-Transfer-Encoding: 8bit\n"
                + "Content-Disposition: attachment; filename=\"" + file + "\"\n\n"
                + body + (body.endsWith("\n") ? "" : "\n");
    }

    private static String cloudConfig(CloudInitConfig c, String hostname) {
        StringBuilder y = new StringBuilder("#cloud-config\n");
        y.append("hostname: ").append(YamlScalar.quote(hostname)).append('\n');
        y.append("preserve_hostname: false\n");
        if (c.user() == null) {
            // The image's own default user (debian, ubuntu, …) gets the keys.
            keys(y, "", c);
            return y.toString();
        }
        y.append("users:\n");
        y.append("  - default\n");
        y.append("  - name: ").append(YamlScalar.quote(c.user())).append('\n');
        y.append("    shell: \"/bin/bash\"\n");
        y.append("    sudo: \"ALL=(ALL) NOPASSWD:ALL\"\n");
        if (c.passwordHash() != null) {
            y.append("    lock_passwd: false\n");
            y.append("    passwd: ").append(YamlScalar.quote(c.passwordHash())).append('\n');
        }
        keys(y, "    ", c);
        if (c.passwordHash() != null) {
            y.append("ssh_pwauth: true\n");
        }
        return y.toString();
    }

    private static void keys(StringBuilder y, String indent, CloudInitConfig c) {
        if (c.sshKeys().isEmpty()) {
            return;
        }
        y.append(indent).append("ssh_authorized_keys:\n");
        for (String key : c.sshKeys()) {
            y.append(indent).append("  - ").append(YamlScalar.quote(key)).append('\n');
        }
    }
}
