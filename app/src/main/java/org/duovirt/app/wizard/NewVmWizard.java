package org.duovirt.app.wizard;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ScrollPane;
import javafx.stage.Window;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;
import org.controlsfx.validation.ValidationSupport;
import org.duovirt.app.Messages;
import org.duovirt.app.dialog.DialogService;
import org.duovirt.app.ui.Theme;
import org.duovirt.core.model.SpecProblem;

/**
 * The New VM wizard window: ControlsFX's Wizard over the view model's pages. Next stays disabled while the
 * page has a problem; each problem shows under its field and as ControlsFX's error decoration.
 */
public final class NewVmWizard {
    private NewVmWizard() {
    }

    /** Shows the wizard modally; true when the user pressed Finish. */
    public static boolean show(Window owner, NewVmViewModel vm, DialogService dialogs) {
        Wizard wizard = new Wizard(owner, vm.title());
        ValidationSupport validation = new ValidationSupport();
        WizardPages pages = new WizardPages(vm, dialogs, validation);
        PlatformAndSummary more = new PlatformAndSummary(vm, validation);
        WizardPane[] panes = {
            pane(vm, WizardPage.SOURCE, pages.source()),
            pane(vm, WizardPage.RESOURCES, pages.resources()),
            pane(vm, WizardPage.STORAGE, pages.storage()),
            pane(vm, WizardPage.NETWORK, pages.network()),
            pane(vm, WizardPage.PLATFORM, more.platform()),
            pane(vm, WizardPage.SUMMARY, more.summary()),
        };
        wizard.setFlow(new Wizard.LinearFlow(panes));
        wizard.invalidProperty().bind(Bindings.createBooleanBinding(() -> !vm.pageValid(vm.pageProperty().get()),
                vm.problems(), vm.pageProperty(), vm.checkingProperty()));
        vm.problems().addListener((ListChangeListener<SpecProblem>) c -> validation.revalidate());
        return wizard.showAndWait().filter(b -> b == ButtonType.FINISH).isPresent();
    }

    private static WizardPane pane(NewVmViewModel vm, WizardPage page, Node content) {
        WizardPane pane = new WizardPane() {
            @Override
            public void onEnteringPage(Wizard wizard) {
                vm.showPage(page);
                wizard.setTitle(vm.title() + " — " + Messages.get(page.messageKey()));
            }
        };
        pane.setId("wizard-page-" + page.name().toLowerCase(java.util.Locale.ROOT));
        pane.setHeaderText(Messages.get(page.messageKey()));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(420);
        scroll.setPrefViewportWidth(700);
        pane.setContent(scroll);
        Theme.apply(pane.getStylesheets());
        return pane;
    }
}
