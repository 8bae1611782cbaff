package org.duovirt.app.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.duovirt.app.Messages;
import org.duovirt.app.ui.UiTestSupport;
import org.duovirt.core.error.DuovirtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An error reads as one sentence plus hint; the raw details and stack trace sit behind the expander. */
@ExtendWith(ApplicationExtension.class)
class ErrorDialogTest {
    @Start
    void start(Stage stage) {
        Messages.use(Locale.ENGLISH);
        stage.show();
    }

    @Test
    void showsMessageHintAndExpandableDetails(FxRobot robot) {
        DuovirtException error = new DuovirtException("Starting web failed: the disk image is missing.",
                "Restore /var/lib/libvirt/images/web.qcow2 or remove the disk.", "virError(Code=38): Cannot access storage file", null);
        Alert alert = UiTestSupport.onFx(() -> ErrorDialog.create(null, error));
        assertThat(alert.getHeaderText()).isEqualTo("Starting web failed: the disk image is missing.");
        assertThat(alert.getContentText()).isEqualTo("Restore /var/lib/libvirt/images/web.qcow2 or remove the disk.");
        assertThat(alert.getDialogPane().isExpanded()).isFalse();
        TextArea details = (TextArea) alert.getDialogPane().getExpandableContent().lookup(".text-area");
        assertThat(details.getText()).startsWith("virError(Code=38): Cannot access storage file")
                .contains("DuovirtException").contains("ErrorDialogTest");
    }

    @Test
    void aLongSentenceWrapsInsteadOfWideningTheDialog(FxRobot robot) {
        String sentence = "Adding the disk to web failed: " + "internal error: unable to execute QEMU command 'blockdev-add': "
                .repeat(6) + "the image is locked.";
        DuovirtException error = new DuovirtException(sentence, "Shut web down and try again.", null, null);
        Alert alert = UiTestSupport.onFx(() -> ErrorDialog.create(null, error));
        UiTestSupport.onFx(() -> {
            alert.initModality(javafx.stage.Modality.NONE); // Monocle cannot disable other windows for a modal one
            alert.show();
            return null;
        });
        try {
            double width = UiTestSupport.onFx(() -> alert.getDialogPane().getScene().getWindow().getWidth());
            javafx.scene.Node header = UiTestSupport.onFx(() -> alert.getDialogPane().lookup(".header-panel .label"));
            double headerHeight = UiTestSupport.onFx(() -> header.getBoundsInLocal().getHeight());
            double lineHeight = UiTestSupport.onFx(() -> ((javafx.scene.control.Label) header).getFont().getSize());
            assertThat(width).as("dialog width").isLessThanOrEqualTo(ErrorDialog.WIDTH + 40);
            assertThat(headerHeight).as("the header wraps onto several lines").isGreaterThan(3 * lineHeight);
        } finally {
            UiTestSupport.onFx(() -> {
                alert.close();
                return null;
            });
        }
    }
}
