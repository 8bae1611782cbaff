package org.duovirt.app.wizard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.duovirt.app.Messages;
import org.duovirt.core.cloudinit.CloudInitConfig;
import org.duovirt.core.cloudinit.CloudInitFiles;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VmSpecBuilder;

/**
 * The cloud-image choices of the wizard's source page: the image and what cloud-init tells its first boot.
 * The key and user-data files are read here, on this machine, like the CLI reads them; the rules are core's.
 */
public final class CloudInitChoices {
    private final StringProperty image = new SimpleStringProperty("");
    private final StringProperty hostname = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty passwordHash = new SimpleStringProperty("");
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final StringProperty userDataFile = new SimpleStringProperty("");

    public StringProperty imageProperty() { return image; }

    public StringProperty hostnameProperty() { return hostname; }

    public StringProperty userProperty() { return user; }

    /** A crypt(3) hash, never a plain password; never logged. */
    public StringProperty passwordHashProperty() { return passwordHash; }

    public StringProperty keyFileProperty() { return keyFile; }

    public StringProperty userDataFileProperty() { return userDataFile; }

    Observable[] inputs() {
        return new Observable[] {image, hostname, user, passwordHash, keyFile, userDataFile};
    }

    /** Adds the cloud image and its cloud-init settings to the spec; files that cannot be read are problems. */
    void addTo(VmSpecBuilder b, List<SpecProblem> problems) {
        if (image.get().isBlank()) {
            problems.add(new SpecProblem(SpecField.BOOT, Messages.get("wizard.problem.cloud-image")));
        }
        List<String> keys = new ArrayList<>();
        String data = null;
        try {
            if (!keyFile.get().isBlank()) {
                keys.addAll(CloudInitFiles.keys(CloudInitFiles.read("SSH key file", Path.of(keyFile.get().strip()))));
            }
            if (!userDataFile.get().isBlank()) {
                data = CloudInitFiles.read("user-data file", Path.of(userDataFile.get().strip()));
            }
        } catch (InvalidSpecException | java.nio.file.InvalidPathException e) {
            problems.add(new SpecProblem(SpecField.CLOUD_INIT, e.getMessage()));
        }
        b.cloudImage(image.get(), new CloudInitConfig(hostname.get().strip(), user.get().strip(), passwordHash.get().strip(), keys, data));
    }
}
