package org.duovirt.xen.transport;

import com.jcraft.jsch.ChannelExec;
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
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.HostUnreachableException;
import org.duovirt.core.ssh.ShellQuoter;
import org.duovirt.core.ssh.SshSession;
import org.duovirt.core.ssh.SshTarget;
import org.duovirt.core.ssh.TcpStream;

/**
 * Runs commands on a Xen host over ONE SSH session, each command in its own exec channel. The remote
 * command line is the argument list quoted by {@link ShellQuoter}. Host keys are checked strictly and
 * login is by public key only (the shared {@link SshSession}). A session that dies is
 * reported once through {@link #onConnectionLost} and every later call fails with
 * {@link HostUnreachableException}: reconnecting is the caller's job.
 */
public final class SshTransport implements CommandRunner {
    private static final int CONNECT_TIMEOUT_MS = SshSession.CONNECT_TIMEOUT_MS;
    /** OpenSSH allows 10 channels per connection (MaxSessions); leave room for the console and xentop. */
    private final Semaphore shortCommands = new Semaphore(7, true);
    private final SshTarget target;
    private final SshSession ssh;
    private final Session session;
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile Consumer<String> lostCallback = reason -> { };

    /** How often a watch looks whether JSch's session ended (a closed connection: the host went down or rebooted). */
    static final long WATCH_MS = 250;

    private SshTransport(SshSession ssh) {
        this.target = ssh.target();
        this.ssh = ssh;
        this.session = ssh.session();
        // JSch tells nobody when its session ends; without this a loss was seen only by the next command (the event
        // poll, every 2 s), and a rebooting dom0 showed disconnected 4.6-5.5 s after its reboot began.
        Thread watch = new Thread(this::watchSession, "ssh-watch-" + target.label());
        watch.setDaemon(true);
        watch.start();
    }

    private void watchSession() {
        while (!lost.get()) {
            if (!session.isConnected()) {
                reportLost(ended());
                return;
            }
            try {
                Thread.sleep(WATCH_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Logs in (the shared {@link SshSession}: strict known_hosts, keys only); blocking, up to 30 s. */
    public static SshTransport connect(SshTarget target) {
        return new SshTransport(SshSession.connect(target, "the user needs root rights for xl"));
    }

    /** How long the SSH handshake took and where its time went, for the log. */
    public String openedIn() {
        return ssh.openedIn();
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
        return ssh.openTcp(host, port);
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

    /** "the SSH session to … ended (JSch: …)": JSch's own words say whether the host closed it or fell silent. */
    private String ended() {
        String why = ssh.endedBecause();
        return "the SSH session to " + hostLabel() + " ended" + (why == null ? "" : " (JSch: " + why + ")");
    }

    private void checkSession() {
        if (!session.isConnected()) {
            reportLost(ended());
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
        ssh.close();
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
