package org.duovirt.app.details;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The overview's name and description without a window, on the mixed fixture (a private test-driver host per
 * connection): validation of hostile input, greying of the name while the VM runs, apply and revert.
 */
class OverviewViewModelTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private HostSession session;

    @BeforeEach
    void open() {
        session = MixedFixture.connect();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private OverviewViewModel overview(String vm) {
        HardwareViewModel hw = new HardwareViewModel(ui, Sessions.row(session, vm), dialogs);
        hw.load().join();
        return hw.overview();
    }

    @Test
    void hostileNamesAreRefusedInOneSentenceOrAcceptedAndATakenNameIsNamed() {
        OverviewViewModel ov = overview("build-runner");
        assertThat(ov.renameBlockedProperty().get()).isNull();
        assertThat(ov.canApplyProperty().get()).isFalse();
        assertThat(ov.changedProperty().get()).as("nothing to revert yet").isFalse();

        ov.nameProperty().set("line\nbreak");
        assertThat(ov.nameProblemProperty().get()).isEqualTo("The name must not contain control characters such as a newline or a tab.");
        assertThat(ov.canApplyProperty().get()).isFalse();
        ov.nameProperty().set("a/b");
        assertThat(ov.nameProblemProperty().get()).contains("'/'");
        ov.nameProperty().set("");
        assertThat(ov.nameProblemProperty().get()).isEqualTo("The VM needs a name.");
        ov.nameProperty().set("db-primary");
        assertThat(ov.nameProblemProperty().get()).startsWith("A VM named 'db-primary' already exists on");
        ov.nameProperty().set("runner \"q\" <é> $(id) ✓");
        assertThat(ov.nameProblemProperty().get()).isNull();
        assertThat(ov.canApplyProperty().get()).isTrue();

        assertThat(ov.changedProperty().get()).isTrue();
        ov.revert();
        assertThat(ov.nameProperty().get()).isEqualTo("build-runner");
        assertThat(ov.canApplyProperty().get()).isFalse();
        assertThat(ov.changedProperty().get()).isFalse();
    }

    @Test
    void aRunningVmsNameIsGreyedWithTheReasonWhileItsDescriptionStaysEditable() {
        OverviewViewModel ov = overview("web-frontend-01");
        assertThat(ov.renameBlockedProperty().get()).isEqualTo("Shut the VM down to rename it: libvirt renames only shut-off VMs.");
        ov.nameProperty().set("web-renamed");
        assertThat(ov.canApplyProperty().get()).isFalse();
        ov.revert();
        assertThat(ov.descriptionUnsupported()).isNull();
        ov.descriptionProperty().set("bell\u0007");
        assertThat(ov.descriptionProblemProperty().get()).contains("U+0007");
        assertThat(ov.canApplyProperty().get()).isFalse();
        ov.descriptionProperty().set("fronts \"www\" <b>\nline two $(x)");
        assertThat(ov.canApplyProperty().get()).isTrue();
    }

    @Test
    void applySavesTheDescriptionAndRenamesAndTellsWhoWaitsForTheNewName() {
        OverviewViewModel ov = overview("ci-cache");
        String text = "cache \"hot\" <b> & $(id)\nsecond line ñ";
        ov.descriptionProperty().set(text);
        ov.nameProperty().set("ci-cache \"renamed\" ✓");
        String[] renamed = new String[1];
        ov.setOnRenamed(n -> renamed[0] = n);

        assertThat(ov.apply().join()).isTrue();

        assertThat(dialogs.errors).isEmpty();
        assertThat(renamed[0]).isEqualTo("ci-cache \"renamed\" ✓");
        assertThat(session.call("read", c -> c.description("ci-cache \"renamed\" ✓")).join()).isEqualTo(text);
        assertThat(session.call("list", c -> c.listVms(true)).join()).extracting(org.duovirt.core.model.VmSummary::name)
                .contains("ci-cache \"renamed\" ✓").doesNotContain("ci-cache");
        assertThat(ov.outcomeProperty().get()).isEqualTo("Renamed to 'ci-cache \"renamed\" ✓'; its details open in a new tab.");
    }
}
