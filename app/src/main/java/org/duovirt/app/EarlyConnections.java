package org.duovirt.app;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.config.ConnectionConfig;
import org.duovirt.app.config.ConnectionStore;
import org.duovirt.app.exec.DaemonThreads;
import org.duovirt.app.host.Connector;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;

/**
 * Starts loading the backends and opening the saved autoconnect hosts as soon as the toolkit is up
 * (Application.init), while the window is built, styled and laid out, so the VM list fills as soon as
 * the window is there. All of it runs on its own threads: reading connections.json (Jackson) and loading
 * the backends (libvirt through JNA) took ~0.5 s of the launcher thread, which JavaFX waits for before it
 * calls start(). A host session that asks for one of these URIs gets the connection opened early, once;
 * every other open goes to the backends as before. Errors surface at that open, where the session reports
 * them as it always does.
 */
final class EarlyConnections implements Connector {
    private final CompletableFuture<Backends> backends;
    /** The early opens by URI, known once connections.json has been read. */
    private final CompletableFuture<Map<String, CompletableFuture<HostConnection>>> early;

    private EarlyConnections(AppDirs dirs) {
        backends = CompletableFuture.supplyAsync(Backends::installed, r -> DaemonThreads.named("duovirt-backends").newThread(r).start());
        early = CompletableFuture.supplyAsync(() -> openSaved(dirs), r -> DaemonThreads.named("duovirt-early-connect").newThread(r).start());
    }

    private Map<String, CompletableFuture<HostConnection>> openSaved(AppDirs dirs) {
        Map<String, CompletableFuture<HostConnection>> opens = new ConcurrentHashMap<>();
        for (ConnectionConfig c : savedOrNone(dirs)) {
            if (c.autoconnect() && !opens.containsKey(c.uri())) {
                opens.put(c.uri(), backends.thenApplyAsync(b -> b.connect(c.uri(), c.options()),
                        r -> DaemonThreads.named("duovirt-early-connect").newThread(r).start()));
            }
        }
        return opens;
    }

    static EarlyConnections begin(AppDirs dirs) {
        return new EarlyConnections(dirs);
    }

    /** The installed backends (waits for them to load). */
    Backends backends() {
        return join(backends);
    }

    @Override
    public HostConnection open(String uri) {
        CompletableFuture<HostConnection> opened = join(early).remove(uri);
        return opened != null ? join(opened) : backends().connect(uri);
    }

    /** A saved host: as trusted as the user confirmed it (command= … only when confirmed in the dialog). */
    @Override
    public HostConnection open(ConnectionConfig config) {
        CompletableFuture<HostConnection> opened = join(early).remove(config.uri());
        return opened != null ? join(opened) : backends().connect(config.uri(), config.options());
    }

    private static java.util.List<ConnectionConfig> savedOrNone(AppDirs dirs) {
        try {
            return new ConnectionStore(dirs.config()).load();
        } catch (RuntimeException e) {
            return java.util.List.of(); // the host list reads the file again and reports what is wrong with it
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
