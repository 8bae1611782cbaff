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
}
