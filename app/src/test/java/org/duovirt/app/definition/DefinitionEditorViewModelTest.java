package org.duovirt.app.definition;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.app.host.VmRow;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.text.LineDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The definition editor's flow without a window, on the test driver's VM "test" (libvirt validates its XML). */
class DefinitionEditorViewModelTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private HostSession session;
    private DefinitionEditorViewModel vm;

    @BeforeEach
    void open() {
        session = Sessions.testDriver();
        VmRow row = Sessions.row(session, "test");
        vm = new DefinitionEditorViewModel(ui, row, dialogs);
        vm.load().join();
        Sessions.await("the XML loaded", () -> vm.textProperty().get().contains("<name>test</name>"));
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void anUnchangedTextIsNotSentAndSaysSo() {
        assertThat(vm.showChanges()).isFalse();
        assertThat(vm.apply().join()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("No change: the text is the saved definition.");
        assertThat(dialogs.asked).isEmpty();
    }

    @Test
    void anInvalidDefinitionIsRefusedInLibvirtsWordsAndNothingChanges() {
        String before = vm.textProperty().get();
        vm.textProperty().set(before.replace("</devices>", "<bogus/></devices>"));
        dialogs.answerConfirm(true);
        assertThat(vm.apply().join()).isFalse();
        assertThat(vm.diff()).anyMatch(l -> l.kind() == LineDiff.Kind.ADDED && l.text().contains("<bogus/>"));
        assertThat(vm.messageProperty().get()).contains("failed").contains("nothing was changed");
        vm.load().join();
        Sessions.await("reloaded", () -> !vm.textProperty().get().contains("bogus"));
        assertThat(vm.textProperty().get()).isEqualTo(before);
    }

    @Test
    void aValidChangeShowsItsDiffAsksAndIsApplied() {
        String before = vm.textProperty().get();
        assertThat(before).contains("<on_reboot>restart</on_reboot>");
        vm.textProperty().set(before.replace("<on_reboot>restart</on_reboot>", "<on_reboot>destroy</on_reboot>"));
        assertThat(vm.showChanges()).isTrue();
        assertThat(vm.diff().stream().map(Object::toString)).contains("-  <on_reboot>restart</on_reboot>", "+  <on_reboot>destroy</on_reboot>");
        dialogs.answerConfirm(true);
        assertThat(vm.apply().join()).isTrue();
        assertThat(dialogs.asked).contains("confirm: Replace the definition of test?");
        assertThat(vm.messageProperty().get()).contains("validated the change");
        assertThat(vm.textProperty().get()).contains("<on_reboot>destroy</on_reboot>");
    }
}
