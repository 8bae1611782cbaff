package org.duovirt.xen.transport;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import org.duovirt.core.error.HostUnreachableException;

/**
 * Strict host key checking against a known_hosts file that also remembers the key it refused, so the
 * refusal can name the key's SHA256 fingerprint. It never adds keys: accepting a new host is done once
 * with the user's own ssh, where the user sees and confirms the fingerprint.
 */
public final class HostKeyCheck implements HostKeyRepository {
    private final HostKeyRepository knownHosts;
    private final JSch jsch;
    private volatile Refusal refusal;

    /** A key that was refused: unknown to known_hosts, or different from the one it lists. */
    public record Refusal(String host, String keyType, String fingerprint, boolean changed) {
    }

    public HostKeyCheck(JSch jsch, HostKeyRepository knownHosts) {
        this.jsch = jsch;
        this.knownHosts = knownHosts;
    }

    @Override
    public int check(String host, byte[] key) {
        int result = knownHosts.check(host, key);
        if (result != OK) {
            String type = "unknown";
            String fingerprint = "unknown";
            try {
                HostKey offered = new HostKey(host, key);
                type = offered.getType();
                fingerprint = offered.getFingerPrint(jsch);
            } catch (JSchException e) {
                // An unparseable key is refused all the same; the message then says "unknown".
            }
            refusal = new Refusal(host, type, fingerprint, result == CHANGED);
        }
        return result;
    }

    /** The last refused key, or null. */
    public Refusal refusal() {
        return refusal;
    }

    /** The error that tells the user which key was refused and how to accept it if it is right. */
    public HostUnreachableException refusalError(SshTarget target, Throwable cause) {
        Refusal r = refusal;
        String portOption = target.port() == 22 ? "" : "-p " + target.port() + " ";
        if (r.changed()) {
            return new HostUnreachableException("The SSH host key of " + target.knownHostsName() + " has changed: it now offers "
                    + r.keyType() + " " + r.fingerprint() + ", which does not match " + target.knownHosts()
                    + ", so Duovirt refused to connect (this can be an attack).",
                    "If the host was really reinstalled, remove the old key with ssh-keygen -R '" + target.knownHostsName()
                            + "' and accept the new one once with ssh " + portOption + target.user() + "@" + target.host() + ".", cause);
        }
        return new HostUnreachableException("The SSH host key of " + target.knownHostsName() + " (" + r.keyType() + " "
                + r.fingerprint() + ") is not in " + target.knownHosts() + ", so Duovirt refused to connect.",
                "If that fingerprint is the host's, accept it once with ssh " + portOption + target.user() + "@" + target.host()
                        + " (or ssh-keyscan " + portOption + target.host() + " >> " + target.knownHosts() + ") and connect again.", cause);
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // Deliberately never writes known_hosts (strict checking never calls this anyway).
    }

    @Override
    public void remove(String host, String type) {
        // known_hosts is the user's file; Duovirt does not edit it.
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // known_hosts is the user's file; Duovirt does not edit it.
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHosts.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return knownHosts.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return knownHosts.getHostKey(host, type);
    }
}
