package org.duovirt.app.wizard;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duovirt.app.Messages;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VmSpecBuilder;
import org.duovirt.core.model.VolumeInfo;

/**
 * The storage page's disk: none, a new one (size, pool, qcow2 or raw), or an existing volume of a pool or
 * (on a local host) any file, used as it is and never deleted with the VM. New and existing exclude each other.
 */
public final class DiskChoices {
    private final BooleanProperty newDisk = new SimpleBooleanProperty(false);
    private final BooleanProperty existing = new SimpleBooleanProperty(false);
    private final StringProperty format = new SimpleStringProperty("qcow2");
    private final StringProperty existingPath = new SimpleStringProperty("");
    private final BooleanProperty filesOffered = new SimpleBooleanProperty(true);
    private final BooleanProperty xen = new SimpleBooleanProperty(false);
    private final ObservableList<VolumeInfo> volumes = FXCollections.observableList(new java.util.concurrent.CopyOnWriteArrayList<>());

    DiskChoices() {
        newDisk.addListener((o, was, on) -> {
            if (on) {
                existing.set(false);
            }
        });
        existing.addListener((o, was, on) -> {
            if (on) {
                newDisk.set(false);
            }
        });
    }

    public BooleanProperty newDiskProperty() { return newDisk; }

    /** Use an existing volume or file as the VM's disk. */
    public BooleanProperty existingProperty() { return existing; }

    /** The new disk's format: qcow2 or raw. */
    public StringProperty formatProperty() { return format; }

    /** The existing disk: a volume's path (picked from {@link #volumes()}) or a file's. */
    public StringProperty existingPathProperty() { return existingPath; }

    /** False on a remote host: its files cannot be browsed from here, only its pools' volumes picked. */
    public ReadOnlyBooleanProperty filesOfferedProperty() { return filesOffered; }

    /** True on a Xen host: its "pool" is Duovirt's image directory, and a cloud image is copied there, not overlaid. */
    public ReadOnlyBooleanProperty xenProperty() { return xen; }

    /** The volumes of the chosen pool, with the VMs using each. */
    public ObservableList<VolumeInfo> volumes() { return volumes; }

    Observable[] inputs() {
        return new Observable[] {newDisk, existing, format, existingPath};
    }

    void host(boolean local, boolean xen) {
        filesOffered.set(local);
        this.xen.set(xen);
        if (xen) {
            format.set("raw"); // Duovirt makes Xen images raw
        }
    }

    void showVolumes(List<VolumeInfo> list) {
        volumes.setAll(list);
    }

    /** Adds the existing disk, or the new disk's format, to the spec (the size is the view model's). */
    void addTo(VmSpecBuilder b, List<SpecProblem> problems) {
        if (existing.get()) {
            if (existingPath.get() == null || existingPath.get().isBlank()) {
                problems.add(new SpecProblem(SpecField.STORAGE, Messages.get("wizard.problem.existing-disk")));
            }
            b.importDisk(existingPath.get());
        } else if (newDisk.get()) {
            b.diskFormat(format.get());
        }
    }

    /** What the summary says of the disk; null when there is no existing one. */
    String existingSummary() {
        return existing.get() ? existingPath.get() : null;
    }
}
