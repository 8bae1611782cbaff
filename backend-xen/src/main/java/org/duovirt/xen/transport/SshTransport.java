package org.duovirt.xen.transport;

import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.HostUnreachableException;

/**
 * Runs commands on a Xen host over ONE SSH session, each command in its own exec channel. The remote
 * command line is the argument list quoted by {@link ShellQuoter}. Host keys are checked strictly
 * ({@link HostKeyCheck}); login is by public key only ({@link SshIdentities}). A session that dies is
 * reported once through {@link #onConnectionLost} and every later call fails with
 * {@link HostUnreachableException}: reconnecting is the caller's job.
 */
public final class SshTransport implements CommandRunner {
    /** Handshakes under emulation can take seconds. */
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final int KEEPALIVE_MS = 15_000;
    private static final int HANDSHAKE_ATTEMPTS = 2;
    private static final Logger LOG = Logger.getLogger(SshTransport.class.getName());
    /** OpenSSH allows 10 channels per connection (MaxSessions); leave room for the console and xentop. */
    private final Semaphore shortCommands = new Semaphore(7, true);
    private final SshTarget target;
    private final Session session;
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile Consumer<String> lostCallback = reason -> { };

    private SshTransport(SshTarget target, Session session) {
        this.target = target;
        this.session = session;
    }

    /** Logs in; blocking, up to 30 s. */
    public static SshTransport connect(SshTarget target) {
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
            try {
                return new SshTransport(target, handshake(jsch, target));
            } catch (JSchException e) {
                if (hostKeys.refusal() != null) {
                    throw hostKeys.refusalError(target, e);
                }
                if (attempt < HANDSHAKE_ATTEMPTS && isCryptoGlitch(e)) {
                    LOG.log(Level.WARNING, "SSH key exchange with {0} failed ({1}); trying once more",
                            new Object[] {target.label(), e.getMessage()});
                    continue;
                }
                String why = String.valueOf(e.getMessage());
                if (why.contains("Auth fail") || why.contains("Auth cancel")) {
                    throw new HostUnreachableException("SSH login as " + target.label() + " was refused: no key was accepted.",
                            "Load the key into ssh-agent, or name it with ?keyfile=/path/to/key in the URI; the user needs root rights for xl.", e);
                }
                throw new HostUnreachableException("Could not reach " + target.label() + " over SSH: " + why + ".",
                        "Check that the host is up and sshd listens on port " + target.port() + ".", e);
            }
        }
    }

    private static Session handshake(JSch jsch, SshTarget target) throws JSchException {
        Session session = jsch.getSession(target.user(), target.host(), target.port());
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", "publickey");
        session.setServerAliveInterval(KEEPALIVE_MS);
        session.setServerAliveCountMax(3);
        session.connect(CONNECT_TIMEOUT_MS);
        return session;
    }

    /**
     * A key exchange whose signature or point failed to verify although the host key itself is the known
     * one. Seen once in a few thousand handshakes with a dom0 under emulation ("Invalid point" from the
     * JDK's Ed25519); a fresh handshake is a fresh exchange and is verified just as strictly, so one more try
     * costs nothing in safety. Refused host keys and refused logins are never retried.
     */
    static boolean isCryptoGlitch(JSchException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.security.GeneralSecurityException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String hostLabel() {
        return target.label();
    }

    @Override
    public CommandResult run(List<String> argv, byte[] stdin, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        acquire(timeout);
        try {
            ChannelExec channel = openExec(argv, false);
            channel.setInputStream(new ByteArrayInputStream(stdin == null ? new byte[0] : stdin));
            StreamDrain out;
            StreamDrain err;
            try {
                out = new StreamDrain(channel.getInputStream(), "ssh-stdout");
                err = new StreamDrain(channel.getErrStream(), "ssh-stderr");
                channel.connect(CONNECT_TIMEOUT_MS);
            } catch (IOException | JSchException e) {
                channel.disconnect();
                throw broken(e);
            }
            try {
                String stdout = out.text(remainingMillis(deadline));
                while (!channel.isClosed() && remainingMillis(deadline) > 0) {
                    Thread.sleep(5);
                }
                if (!channel.isClosed()) {
                    throw new DuovirtException("'" + argv.get(0) + "' did not finish within " + timeout.toSeconds() + " s on "
                            + hostLabel() + ".", "The host may be overloaded; try again.", String.join(" ", argv), null);
                }
                return new CommandResult(argv, channel.getExitStatus(), stdout, err.text(2000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DuovirtException("Interrupted while '" + argv.get(0) + "' ran on " + hostLabel() + ".", e);
            } finally {
                channel.disconnect();
                checkSession();
            }
        } finally {
            shortCommands.release();
        }
    }

    @Override
    public RunningCommand openPty(List<String> argv) {
        return open(argv, true);
    }

    @Override
    public RunningCommand openStream(List<String> argv) {
        return open(argv, false);
    }

    private RunningCommand open(List<String> argv, boolean pty) {
        ChannelExec channel = openExec(argv, pty);
        try {
            InputStream out = channel.getInputStream();
            OutputStream in = channel.getOutputStream();
            channel.connect(CONNECT_TIMEOUT_MS);
            return new SshRunning(channel, out, in);
        } catch (IOException | JSchException e) {
            channel.disconnect();
            throw broken(e);
        }
    }

    @Override
    public TcpStream openTcp(String host, int port) {
        checkSession();
        try {
            ChannelDirectTCPIP channel = (ChannelDirectTCPIP) session.openChannel("direct-tcpip");
            channel.setHost(host);
            channel.setPort(port);
            InputStream in = channel.getInputStream();
            OutputStream out = channel.getOutputStream();
            channel.connect(CONNECT_TIMEOUT_MS);
            return new TcpStream(in, out, channel::disconnect,
                    "SSH channel via " + target.label() + " to " + host + ":" + port);
        } catch (JSchException | IOException e) {
            throw new DuovirtException("Cannot open an SSH channel via " + target.label() + " to " + host + ":" + port
                    + ": " + e.getMessage() + ".", "Check that the VM is running and that sshd allows TCP forwarding "
                    + "(AllowTcpForwarding).");
        }
    }

    private ChannelExec openExec(List<String> argv, boolean pty) {
        checkSession();
        try {
            ChannelExec channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(RemoteUmask.PREFIX + ShellQuoter.join(argv));
            if (pty) {
                channel.setPty(true);
                channel.setPtyType("xterm");
            }
            return channel;
        } catch (JSchException e) {
            throw broken(e);
        }
    }

    private void acquire(Duration timeout) {
        try {
            if (!shortCommands.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DuovirtException("Too many commands are waiting for " + hostLabel() + ".", "Try again in a moment.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DuovirtException("Interrupted while waiting for " + hostLabel() + ".", e);
        }
    }

    private void checkSession() {
        if (!session.isConnected()) {
            reportLost("the SSH session to " + hostLabel() + " ended");
            throw new HostUnreachableException("The SSH connection to " + hostLabel() + " is closed.",
                    "Reconnect to the host.", null);
        }
    }

    private DuovirtException broken(Exception e) {
        if (!session.isConnected()) {
            reportLost("the SSH session to " + hostLabel() + " ended: " + e.getMessage());
            return new HostUnreachableException("The SSH connection to " + hostLabel() + " broke: " + e.getMessage() + ".",
                    "Reconnect to the host.", e);
        }
        return new DuovirtException("Could not open an SSH channel to " + hostLabel() + ": " + e.getMessage() + ".",
                "sshd may limit sessions per connection (MaxSessions); close a console and try again.",
                String.valueOf(e.getMessage()), e);
    }

    private void reportLost(String reason) {
        if (lost.compareAndSet(false, true)) {
            lostCallback.accept(reason);
        }
    }

    @Override
    public boolean isAlive() {
        return session.isConnected();
    }

    @Override
    public void onConnectionLost(Consumer<String> callback) {
        lostCallback = callback;
    }

    @Override
    public void close() {
        lost.set(true);
        session.disconnect();
    }

    private static long remainingMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    /** An exec channel seen as a {@link RunningCommand}. */
    private record SshRunning(ChannelExec channel, InputStream output, OutputStream input) implements RunningCommand {
        @Override
        public boolean isOpen() {
            return !channel.isClosed();
        }

        @Override
        public void close() {
            channel.disconnect();
        }
    }
}
