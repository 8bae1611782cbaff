package org.duovirt.core.cloudinit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.duovirt.core.text.Printable;

/**
 * What a cloud-init configuration may hold. The seed writer quotes every value, so these rules are not
 * what keeps the YAML safe; they refuse what cloud-init or the guest would refuse or misread later,
 * in one sentence each, before anything is made.
 */
public final class CloudInitRules {
    /** Largest user-data file accepted: the NoCloud seed is read whole by the guest at first boot. */
    public static final int MAX_USER_DATA = 1 << 20;
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Pattern HASH = Pattern.compile("\\$[a-z0-9]{1,8}\\$[./A-Za-z0-9$=,+-]{1,500}");
    private static final Pattern KEY = Pattern.compile(
            "(ssh-rsa|ssh-dss|ssh-ed25519|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com|sk-ecdsa-sha2-nistp256@openssh\\.com)"
                    + " [A-Za-z0-9+/]+={0,3}( .*)?");
    private static final List<String> HEADERS = List.of("#cloud-config", "#!", "#include", "#cloud-boothook", "#part-handler");

    private CloudInitRules() {
    }

    /** @return every problem, one sentence each; empty when the seed can be written */
    public static List<String> problems(CloudInitConfig c) {
        List<String> problems = new ArrayList<>();
        if (c.hostname() != null && (c.hostname().length() > 253 || !c.hostname().chars().allMatch(ch -> ch < 128)
                || !List.of(c.hostname().split("\\.", -1)).stream().allMatch(l -> LABEL.matcher(l).matches()))) {
            problems.add("The host name '" + c.hostname() + "' is not a valid host name: use letters, digits"
                    + " and '-' in dot-separated labels of at most 63 characters.");
        }
        if (c.user() != null && (!USER.matcher(c.user()).matches() || c.user().equals("root"))) {
            problems.add("The user name '" + c.user() + "' cannot be created: use at most 32 lower-case letters,"
                    + " digits, '_' or '-', starting with a letter or '_', and not root.");
        }
        if (c.passwordHash() != null && !HASH.matcher(c.passwordHash()).matches()) {
            // Never echo it: it may be a plain password typed into the wrong field.
            problems.add("The password must be given as a crypt(3) hash such as the output of 'mkpasswd -m sha-512'"
                    + " (it starts with $6$); a plain password is never stored.");
        }
        if (c.passwordHash() != null && c.user() == null) {
            problems.add("A password hash needs a user name to set it for.");
        }
        for (String key : c.sshKeys()) {
            String problem = keyProblem(key);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (c.userData() != null) {
            String problem = userDataProblem(c.userData());
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (c.sshKeys().isEmpty() && c.passwordHash() == null && c.userData() == null) {
            problems.add("Give an SSH public key, a password hash or a user-data file; otherwise nobody can log in to the VM.");
        }
        return problems;
    }

    /** One OpenSSH public key line: a known type, its base64 blob and any printable comment. */
    public static String keyProblem(String key) {
        if (key.length() > 16384) {
            return "An SSH public key is " + key.length() + " characters long; a public key has at most 16384.";
        }
        if (Printable.firstHostile(key) >= 0) {
            return "An SSH public key must be one line without control or invisible characters.";
        }
        if (!KEY.matcher(key).matches()) {
            return "'" + (key.length() > 40 ? key.substring(0, 40) + "…" : key)
                    + "' is not an OpenSSH public key (it starts with ssh-ed25519, ssh-rsa or ecdsa-sha2-…); give the .pub file.";
        }
        return null;
    }

    private static String userDataProblem(String data) {
        if (data.length() > MAX_USER_DATA) {
            return "The user-data file is larger than 1 MiB.";
        }
        if (data.indexOf('\0') >= 0) {
            return "The user-data file is not text (it contains a NUL byte).";
        }
        String first = data.lines().findFirst().orElse("").strip();
        if (HEADERS.stream().noneMatch(first::startsWith) || first.startsWith("#cloud-config-archive")) {
            return "The user-data file must start with #cloud-config or a script's #! line.";
        }
        return null;
    }

    /** The MIME type cloud-init gives a part by its first line (see {@link #problems} for the accepted ones). */
    static String contentType(String userData) {
        String first = userData.lines().findFirst().orElse("").strip();
        if (first.startsWith("#cloud-config")) {
            return "text/cloud-config";
        }
        if (first.startsWith("#!")) {
            return "text/x-shellscript";
        }
        if (first.startsWith("#include")) {
            return "text/x-include-url";
        }
        if (first.startsWith("#cloud-boothook")) {
            return "text/cloud-boothook";
        }
        return "text/part-handler";
    }
}
