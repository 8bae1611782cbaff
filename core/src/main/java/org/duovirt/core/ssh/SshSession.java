package org.duovirt.core.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelDirectStreamLocal;
import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.HostRefusedException;
import org.duovirt.core.error.HostUnreachableException;

/**
 * One SSH session of Duovirt's own, shared by both backends (ADR 0013): strict host key checking against the
 * target's known_hosts ({@link HostKeyCheck}, a refusal names the key's fingerprint), public-key login only
 * ({@link SshIdentities}), and channels to a port or a UNIX socket as the remote host sees it, so nothing is
 * opened on the host and nothing needs {@code nc} there. Xen runs its {@code xl} commands in exec channels of
 * {@link #session()}; KVM reaches a VM's VNC server through {@link #openTcp} or {@link #openSocket}.
 */
public final class SshSession implements AutoCloseable {
    /** Handshakes under emulation can take seconds. */
    public static final int CONNECT_TIMEOUT_MS = 30_000;
    /**
     * Server-alive probes after 4 s of silence, dead after 2 unanswered (12 s of silence in all: JSch gives up
     * on the third timeout), so a host or link that stops answering without closing is seen gone in ~12 s, not
     * 60 s. sshd answers these itself, so a dom0 whose xl takes 10-45 s under load is not taken for a dead one;
     * any data received (a command's output) resets the count.
     */
    static final int KEEPALIVE_MS = 4_000;
    static final int KEEPALIVE_COUNT = 2;
    private static final int HANDSHAKE_ATTEMPTS = 2;
    private static final Logger LOG = Logger.getLogger(SshSession.class.getName());
    private final SshTarget target;
    private final Session session;
    private final String openedIn;
    private final SshPhases phases;

    private SshSession(SshTarget target, Session session, SshPhases phases) {
        this.target = target;
        this.session = session;
        this.phases = phases;
        this.openedIn = phases.summary();
    }

    /**
     * Logs in; blocking, up to 30 s. {@code loginHint} ends the hint of a refused login (what the user must
     * be allowed to do there, e.g. "the user needs root rights for xl"), or is empty.
     */
    public static SshSession connect(SshTarget target, String loginHint) {
        JSch jsch = new JSch();
        HostKeyCheck hostKeys;
        try {
            jsch.setKnownHosts(target.knownHosts().toString());
            hostKeys = new HostKeyCheck(jsch, jsch.getHostKeyRepository());
            jsch.setHostKeyRepository(hostKeys);
        } catch (JSchException e) {
            throw new DuovirtException("Could not read " + target.knownHosts() + ": " + e.getMessage() + ".", e);
        }
        SshIdentities.configure(jsch, target.keyFile());
        for (int attempt = 1; ; attempt++) {
            SshPhases phases = new SshPhases();
            try {
                Session session = handshake(jsch, target, phases);
                SshSession opened = new SshSession(target, session, phases);
                LOG.fine(() -> target.label() + ": SSH session opened in " + opened.openedIn());
                return opened;
            } catch (JSchException e) {
                LOG.fine(() -> target.label() + ": SSH handshake failed after " + phases.summary() + ": " + e.getMessage());
                if (hostKeys.refusal() != null) {
                    throw hostKeys.refusalError(target, e);
                }
                if (attempt < HANDSHAKE_ATTEMPTS && isCryptoGlitch(e)) {
                    LOG.log(Level.WARNING, "SSH key exchange with {0} failed ({1}); trying once more",
                            new Object[] {target.label(), e.getMessage()});
                    continue;
                }
                throw failure(target, loginHint, e);
            }
        }
    }

    /**
     * Whether an SSH server greets at the target within {@code within}: one TCP connection, its first bytes read,
     * then closed. No key exchange and no login, so nothing counts against us in the host's log of failed logins.
     */
    public static boolean greets(SshTarget target, java.time.Duration within) {
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, within.toMillis()));
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(target.host(), target.port()), ms);
            s.setSoTimeout(ms);
            byte[] first = s.getInputStream().readNBytes(4);
            return new String(first, java.nio.charset.StandardCharsets.US_ASCII).equals("SSH-");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A failed handshake as one sentence: a refused login is a {@link HostRefusedException} (retrying it
     * unchanged cannot help and counts against us in the host's log), anything else the host not answering.
     */
    static HostUnreachableException failure(SshTarget target, String loginHint, JSchException e) {
        String why = String.valueOf(e.getMessage());
        // What the socket factory threw (GreetedSocket) comes wrapped by JSch in its own prefix.
        why = why.startsWith("Session.connect: ") ? why.substring("Session.connect: ".length()) : why;
        if (why.contains("Auth fail") || why.contains("Auth cancel")) {
            return new HostRefusedException(HostRefusedException.Reason.LOGIN, "SSH login as " + target.label() + " was refused: no key was accepted.",
                    "Load the key into ssh-agent, or name it with ?keyfile=/path/to/key in the URI"
                            + (loginHint.isEmpty() ? "" : "; " + loginHint) + ", then connect again.", e);
        }
        return new HostUnreachableException("Could not reach " + target.label() + " over SSH: " + why + ".",
                "Check that the host is up and sshd listens on port " + target.port() + ".", e);
    }

    private static Session handshake(JSch jsch, SshTarget target, SshPhases phases) throws JSchException {
        Session session = jsch.getSession(target.user(), target.host(), target.port());
        session.setLogger(phases);
        session.setSocketFactory(new GreetedSocket(CONNECT_TIMEOUT_MS));
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", "publickey");
        session.connect(CONNECT_TIMEOUT_MS);
        // Only once connected: JSch bounds the handshake's key exchange by the session's timeout, which the
        // server-alive interval sets, and a loaded dom0 right after its boot took longer than those 4 s ("timeout in
        // waiting for rekeying process"): the whole attempt was lost, and the next began 1 s later from the start.
        session.setServerAliveInterval(KEEPALIVE_MS);
        session.setServerAliveCountMax(KEEPALIVE_COUNT);
        return session;
    }

    /**
     * A key exchange whose signature or point failed to verify although the host key itself is the known
     * one. Seen once in a few thousand handshakes with a dom0 under emulation ("Invalid point" from the
     * JDK's Ed25519); a fresh handshake is a fresh exchange and is verified just as strictly, so one more try
     * costs nothing in safety. Refused host keys and refused logins are never retried.
     */
    public static boolean isCryptoGlitch(JSchException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.security.GeneralSecurityException) {
                return true;
            }
        }
        return false;
    }

    public SshTarget target() {
        return target;
    }

    /** How long the handshake took and where the time went ("4210 ms (TCP 1 ms, greeting 2300 ms, …)"), for logs. */
    public String openedIn() {
        return openedIn;
    }

    /** Why JSch ended the session, as it logged it ("Caught an exception, leaving main loop due to …"), or null. */
    public String endedBecause() {
        return phases.ending();
    }

    /** The JSch session, for exec channels. */
    public Session session() {
        return session;
    }

    public boolean isConnected() {
        return session.isConnected();
    }

    /** A direct-tcpip channel to {@code host:port} as the remote host sees it (e.g. its loopback). */
    public TcpStream openTcp(String host, int port) {
        String where = host + ":" + port;
        try {
            ChannelDirectTCPIP channel = (ChannelDirectTCPIP) session.openChannel("direct-tcpip");
            channel.setHost(host);
            channel.setPort(port);
            return open(channel, where);
        } catch (JSchException e) {
            throw channelError(where, e);
        }
    }

    /** A direct-streamlocal channel to a UNIX socket on the remote host (OpenSSH's direct-streamlocal@openssh.com). */
    public TcpStream openSocket(String path) {
        try {
            ChannelDirectStreamLocal channel = (ChannelDirectStreamLocal) session.openChannel("direct-streamlocal@openssh.com");
            channel.setSocketPath(path);
            return open(channel, path);
        } catch (JSchException e) {
            throw channelError(path, e);
        }
    }

    private TcpStream open(Channel channel, String where) throws JSchException {
        if (!session.isConnected()) {
            throw new HostUnreachableException("The SSH connection to " + target.label() + " is closed.",
                    "Reconnect to the host.", null);
        }
        try {
            InputStream in = channel.getInputStream();
            OutputStream out = channel.getOutputStream();
            channel.connect(CONNECT_TIMEOUT_MS);
            return new TcpStream(in, out, channel::disconnect, "SSH channel via " + target.label() + " to " + where);
        } catch (IOException e) {
            channel.disconnect();
            throw channelError(where, e);
        }
    }

    private DuovirtException channelError(String where, Exception e) {
        return new DuovirtException("Cannot open an SSH channel via " + target.label() + " to " + where + ": "
                + e.getMessage() + ".", "Check that the VM is running and that sshd allows forwarding "
                + "(AllowTcpForwarding, AllowStreamLocalForwarding).");
    }

    @Override
    public void close() {
        session.disconnect();
    }
}
