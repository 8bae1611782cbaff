package org.duovirt.xen;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.duovirt.core.spi.TextConsole;
import org.duovirt.xen.transport.CommandRunner;
import org.duovirt.xen.transport.RunningCommand;

/**
 * {@code xl console <domid>} on a pseudo-terminal (an SSH exec channel with a pty, or locally util-linux
 * {@code script}). xenconsole takes an exclusive lock, so a second console to the same VM fails.
 * Typing Ctrl-] detaches (xenconsole exits and the stream ends); closing closes the channel.
 */
final class XenConsole implements TextConsole {
    private final RunningCommand command;

    private XenConsole(RunningCommand command) {
        this.command = command;
    }

    static XenConsole open(CommandRunner runner, int domid) {
        return new XenConsole(runner.openPty(List.of("xl", "console", Integer.toString(domid))));
    }

    @Override
    public InputStream fromGuest() {
        return command.output();
    }

    @Override
    public OutputStream toGuest() {
        return command.input();
    }

    @Override
    public void close() {
        command.close();
    }
}
