package org.duovirt.app.details;

import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.duovirt.app.Messages;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.ReportingCalls;
import org.duovirt.app.host.Units;
import org.duovirt.app.host.VmRow;
import org.duovirt.app.storage.GrowCheck;
import org.duovirt.core.model.DeviceInputs;
import org.duovirt.core.model.DiskCacheModes;
import org.duovirt.core.model.HardwareItem;
import org.duovirt.core.model.PoolInfo;
import org.duovirt.core.model.VolumeInfo;
import org.duovirt.core.spi.Feature;

/**
 * A disk page's editable part: the cache mode (saved, applies at the next start) and Grow (the backend's
 * {@code resizeDisk}, live while the VM runs), the new size checked against the pool the disk's volume is in.
 */
public final class DiskPageViewModel {
    /** The disk's volume and its pool, or neither when the disk is not a pool's volume. */
    record Place(PoolInfo pool, VolumeInfo volume) {
    }

    private final TaskExecutor ui;
    private final VmRow row;
    private final ReportingCalls calls;
    private final HardwareItem disk;
    private final StringProperty cache = new SimpleStringProperty();
    private final StringProperty growSize = new SimpleStringProperty("");
    private final ObjectProperty<Place> place = new SimpleObjectProperty<>();
    private final StringBinding growProblem;
    private final StringBinding growBlocked;
    private final StringBinding where;

    DiskPageViewModel(TaskExecutor ui, VmRow row, ReportingCalls calls, HardwareItem disk) {
        this.ui = ui;
        this.row = row;
        this.calls = calls;
        this.disk = disk;
        cache.set(disk.value("cache") == null ? "default" : disk.value("cache"));
        growProblem = Bindings.createStringBinding(() -> {
            Place p = place.get();
            long now = p == null || p.volume() == null ? 0 : p.volume().capacityBytes();
            return GrowCheck.problem(growSize.get(), disk.id(), now, p == null || p.pool() == null ? null : p.pool().name(),
                    p == null || p.pool() == null ? -1 : p.pool().availableBytes());
        }, growSize, place);
        String unsupported = calls.unsupportedReason(Feature.VOLUME_RESIZE);
        growBlocked = Bindings.createStringBinding(() -> {
            if (unsupported != null) {
                return unsupported;
            }
            if (place.get() == null) {
                return Messages.get("hw.disk.grow.reading");
            }
            boolean off = row.state() == null || !row.state().isActive();
            return off && place.get().volume() == null ? Messages.get("hw.disk.grow.shut-off-no-pool") : null;
        }, place, row.stateProperty());
        where = Bindings.createStringBinding(() -> {
            Place p = place.get();
            if (p == null) {
                return "";
            }
            return p.pool() == null ? Messages.get("hw.disk.grow.no-pool") : Messages.get("hw.disk.grow.pool", p.pool().name(),
                    Units.bytes(p.volume().capacityBytes()), Units.bytes(p.pool().availableBytes()));
        }, place);
    }

    /** Finds the pool and volume whose path is the disk's source (every active pool's volumes, on the host's thread). */
    public CompletableFuture<Void> load() {
        String source = disk.value("source");
        if (calls.unsupportedReason(Feature.STORAGE_POOLS) != null || source == null) {
            place.set(new Place(null, null));
            return CompletableFuture.completedFuture(null);
        }
        return calls.call(Messages.get("hw.disk.grow.reading"), c -> {
            for (PoolInfo pool : c.pools()) {
                if (!pool.active()) {
                    continue;
                }
                for (VolumeInfo v : c.volumes(pool.name())) {
                    if (source.equals(v.path())) {
                        return new Place(pool, v);
                    }
                }
            }
            return new Place(null, null);
        }).thenAccept(p -> ui.ui(() -> place.set(p == null ? new Place(null, null) : p)));
    }

    public StringProperty cacheProperty() {
        return cache;
    }

    /** Why the cache mode cannot be changed here, or null. */
    public String cacheUnsupported() {
        return calls.unsupportedReason(Feature.DISK_CACHE);
    }

    public StringProperty growSizeProperty() {
        return growSize;
    }

    public StringBinding growProblemProperty() {
        return growProblem;
    }

    /** Why Grow is greyed (backend, still reading, a shut-off disk outside any pool), or null. */
    public StringBinding growBlockedProperty() {
        return growBlocked;
    }

    /** The disk's pool, its size and the pool's free space, as one line. */
    public StringBinding whereProperty() {
        return where;
    }

    /** Saves the chosen cache mode when it differs from the definition's. */
    public CompletableFuture<Boolean> applyCache() {
        String mode = cache.get();
        String was = disk.value("cache") == null ? "default" : disk.value("cache");
        if (DiskCacheModes.problem(mode) != null || mode.equals(was) || cacheUnsupported() != null) {
            return CompletableFuture.completedFuture(false);
        }
        return calls.call(Messages.get("hw.disk.cache.call", disk.id()), c -> {
            c.setDiskCache(row.name(), disk.id(), mode);
            return Boolean.TRUE;
        }).thenApply(ok -> ok != null);
    }

    /** Grows the disk to the typed size (live while the VM runs) when the size passes the checks. */
    public CompletableFuture<Boolean> grow() {
        if (growProblem.get() != null || growBlocked.get() != null) {
            return CompletableFuture.completedFuture(false);
        }
        long bytes = DeviceInputs.parseSize(growSize.get());
        return calls.call(Messages.get("hw.disk.grow.call", disk.id(), row.name()), c -> {
            c.resizeDisk(row.name(), disk.id(), bytes);
            return Boolean.TRUE;
        }).thenApply(ok -> ok != null);
    }
}
