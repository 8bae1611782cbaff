package org.duovirt.core.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.error.HostRefusedException;

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

    /**
     * The error that tells the user which key was refused and how to accept it if it is right. The
     * commands in the hint are meant to be copied into a shell, so every part that comes from the URI
     * (user, host, known_hosts path) goes through {@link ShellQuoter}, after {@code --}.
     */
    public HostRefusedException refusalError(SshTarget target, Throwable cause) {
        Refusal r = refusal;
        List<String> port = target.port() == 22 ? List.of() : List.of("-p", Integer.toString(target.port()));
        String ssh = command(List.of("ssh"), port, List.of("--", target.user() + "@" + target.host()));
        String knownHosts = target.knownHosts().toString();
        if (r.changed()) {
            return new HostRefusedException(HostRefusedException.Reason.HOST_KEY, "The SSH host key of " + target.knownHostsName() + " has changed: it now offers "
                    + r.keyType() + " " + r.fingerprint() + ", which does not match " + knownHosts
                    + ", so Duovirt refused to connect (this can be an attack).",
                    "If the host was really reinstalled, remove the old key with "
                            + ShellQuoter.forDisplay(List.of("ssh-keygen", "-f", knownHosts, "-R", target.knownHostsName()))
                            + " and accept the new one once with " + ssh + ".", cause);
        }
        String keyscan = command(List.of("ssh-keyscan"), port, List.of("--", target.host())) + " >> "
                + ShellQuoter.forDisplay(List.of(knownHosts));
        return new HostRefusedException(HostRefusedException.Reason.HOST_KEY, "The SSH host key of " + target.knownHostsName() + " (" + r.keyType() + " "
                + r.fingerprint() + ") is not in " + knownHosts + ", so Duovirt refused to connect.",
                "If that fingerprint is the host's, accept it once with " + ssh + " (or " + keyscan + ") and connect again.", cause);
    }

    private static String command(List<String> head, List<String> options, List<String> tail) {
        List<String> argv = new ArrayList<>(head);
        argv.addAll(options);
        argv.addAll(tail);
        return ShellQuoter.forDisplay(argv);
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
