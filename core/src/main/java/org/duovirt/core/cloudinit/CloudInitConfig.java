package org.duovirt.core.cloudinit;

import java.util.List;
import java.util.Objects;

/**
 * What the user tells a cloud image's first boot, written into the NoCloud seed by {@link NoCloudSeed}.
 *
 * @param hostname     the guest's host name (also its instance id), or null for the VM's file-safe name
 * @param user         the account to create, or null for the image's default user
 * @param passwordHash a crypt(3) hash such as {@code $6$salt$…} for that user, or null; never a plain password
 * @param sshKeys      OpenSSH public keys, one line each, authorized for that user
 * @param userData     the content of the user's own user-data file, or null; it is sent as its own MIME part
 */
public record CloudInitConfig(String hostname, String user, String passwordHash, List<String> sshKeys, String userData) {
    public CloudInitConfig {
        hostname = blankToNull(hostname);
        user = blankToNull(user);
        passwordHash = blankToNull(passwordHash);
        sshKeys = sshKeys == null ? List.of() : List.copyOf(sshKeys.stream().map(Objects::requireNonNull).toList());
        userData = userData == null || userData.isEmpty() ? null : userData;
    }

    /** Passwords never reach a log or a message, not even hashed. */
    @Override
    public String toString() {
        return "CloudInitConfig[hostname=" + hostname + ", user=" + user + ", passwordHash=" + (passwordHash == null ? "none" : "***")
                + ", sshKeys=" + sshKeys.size() + ", userData=" + (userData == null ? "none" : userData.length() + " chars") + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
