package org.duovirt.app.dialog;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.duovirt.app.Messages;
import org.duovirt.app.host.Units;
import org.duovirt.core.model.StorageItem;

/**
 * The delete confirmation: the VM, its storage, and whether its own storage goes too. The backend
 * deletes the owned items all together or none, so there is one choice; it starts unchecked.
 */
public final class DeleteDialogViewModel {
    private final String vmName;
    private final String hostName;
    private final List<StorageItem> items;
    private final BooleanProperty deleteStorage = new SimpleBooleanProperty(false);

    public DeleteDialogViewModel(String vmName, String hostName, List<StorageItem> items) {
        this.vmName = vmName;
        this.hostName = hostName;
        this.items = List.copyOf(items);
    }

    public String vmName() {
        return vmName;
    }

    public String header() {
        return Messages.get("delete.header", vmName, hostName);
    }

    public List<StorageItem> items() {
        return items;
    }

    public List<StorageItem> owned() {
        return items.stream().filter(StorageItem::owned).toList();
    }

    public boolean hasOwnedStorage() {
        return !owned().isEmpty();
    }

    public BooleanProperty deleteStorageProperty() {
        return deleteStorage;
    }

    /** What happens to one item with the current choice. */
    public String fate(StorageItem item) {
        if (!item.owned()) {
            return Messages.get("delete.kept-because", item.reason() == null ? Messages.get("delete.not-owned") : item.reason());
        }
        return deleteStorage.get() ? Messages.get("delete.will-delete") : Messages.get("delete.kept");
    }

    public String describe(StorageItem item) {
        String size = item.capacityBytes() > 0 ? " (" + Units.bytes(item.capacityBytes()) + ")" : "";
        return org.duovirt.core.text.Printable.line(item.target() + ": " + item.path() + size);
    }

    /** The sentence summing up what the Delete button will do. */
    public StringBinding summary() {
        return Bindings.createStringBinding(() -> deleteStorage.get() && hasOwnedStorage()
                ? Messages.get("delete.summary-with-storage", org.duovirt.core.text.Printable.line(vmName), owned().size())
                : Messages.get("delete.summary-definition-only", org.duovirt.core.text.Printable.line(vmName)), deleteStorage);
    }
}
