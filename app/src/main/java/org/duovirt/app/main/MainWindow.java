package org.duovirt.app.main;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.duovirt.app.DefaultConnection;
import org.duovirt.app.Messages;
import org.duovirt.app.config.AppDirs;
import org.duovirt.app.config.ConnectionStore;
import org.duovirt.app.config.UiSettings;
import org.duovirt.app.config.UiSettingsStore;
import org.duovirt.app.dialog.FxDialogService;
import org.duovirt.app.exec.DaemonThreads;
import org.duovirt.app.exec.FxTaskExecutor;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.Connector;
import org.duovirt.app.host.HostList;
import org.duovirt.app.config.StatsIntervals;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Timeouts;
import org.duovirt.app.prefs.PreferencesDialog;
import org.duovirt.app.prefs.PreferencesViewModel;
import org.duovirt.app.ui.Theme;
import org.duovirt.app.wizard.NewVmViewModel;
import org.duovirt.app.wizard.NewVmWizard;

/**
 * Wires the main window: host list, view model, view, theme and remembered geometry. The app and the UI
 * tests both open the window through here, with their own config directory and connector.
 */
public final class MainWindow {
    private final Stage stage;
    private final MainView view;
    private final MainViewModel model;
    private final FxDialogService dialogs;
    private final HostList hosts;
    private final ScheduledExecutorService timer;
    private final UiSettingsStore settingsStore;
    private UiSettings settings;

    private MainWindow(Stage stage, AppDirs dirs, Connector connector, Supplier<DefaultConnection.Opened> defaultOpener,
                       Timeouts timeouts) {
        this.stage = stage;
        TaskExecutor ui = new FxTaskExecutor();
        this.timer = Executors.newScheduledThreadPool(2, DaemonThreads.named("duovirt-timer"));
        this.hosts = new HostList(ui, connector, timer, timeouts, new ConnectionStore(dirs.config()), defaultOpener);
        hosts.useJournal(new org.duovirt.app.job.RemovalJournal(dirs.state()));
        this.dialogs = new FxDialogService(() -> stage);
        this.model = new MainViewModel(ui, hosts, dialogs);
        dialogs.registerWizard(NewVmViewModel.class, (owner, wizard) -> NewVmWizard.show(owner, wizard, dialogs));
        dialogs.registerWizard(org.duovirt.app.storage.NewPoolViewModel.class, org.duovirt.app.storage.NewPoolDialog::show);
        this.settingsStore = new UiSettingsStore(dirs.config());
        this.settings = settingsStore.load();
        Theme.setDark(settings.dark());
        this.view = new MainView(model, ui);
        // Each host's update interval, remembered from the Preferences dialog.
        StatsIntervals intervals = new StatsIntervals(dirs.config());
        hosts.hosts().forEach(h -> PreferencesViewModel.restore(h, intervals));
        hosts.hosts().addListener((javafx.collections.ListChangeListener<HostSession>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(h -> PreferencesViewModel.restore(h, intervals));
            }
        });
        view.setOnPreferences(() -> PreferencesDialog.show(stage, new PreferencesViewModel(hosts.hosts(), intervals)));
    }

    /** Builds and shows the window, then opens the connections. */
    public static MainWindow open(Stage stage, AppDirs dirs, Connector connector,
                                  Supplier<DefaultConnection.Opened> defaultOpener, Timeouts timeouts) {
        MainWindow w = new MainWindow(stage, dirs, connector, defaultOpener, timeouts);
        w.show();
        w.hosts.start();
        return w;
    }

    private void show() {
        Scene scene = new Scene(view, settings.width(), settings.height());
        Theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle(Messages.get("app.title"));
        if (settings.x() != null && settings.y() != null) {
            stage.setX(settings.x());
            stage.setY(settings.y());
        }
        stage.setMaximized(Boolean.TRUE.equals(settings.maximized()));
        view.split().setDividerPositions(settings.treeDivider());
        view.table().statsColumns().forEach((group, column) -> {
            column.setVisible(!settings.hiddenColumns().contains(column.getId()));
            column.visibleProperty().addListener((o, a, b) -> columnsChanged());
        });
        hosts.setWantedStats(view.table().visibleStats());
        view.darkThemeItem().setSelected(settings.dark());
        view.darkThemeItem().selectedProperty().addListener((o, a, dark) -> setDark(dark));
        stage.setOnHidden(e -> close());
        StartupMarks.whenRowsDrawn(scene, view.table().getItems());
        stage.show();
        StartupMarks.windowShown();
    }

    private void columnsChanged() {
        hosts.setWantedStats(view.table().visibleStats());
        List<String> hidden = view.table().statsColumns().values().stream().filter(c -> !c.isVisible())
                .map(c -> c.getId()).toList();
        settings = settings.withHiddenColumns(hidden);
        settingsStore.save(settings);
    }

    private void setDark(boolean dark) {
        Theme.setDark(dark);
        Theme.apply(stage.getScene());
        view.table().refresh();
        settings = settings.withTheme(dark ? "dark" : "light");
        settingsStore.save(settings);
    }

    /** Remembers geometry and splits, and disconnects every host. */
    public void close() {
        if (!stage.isMaximized()) {
            settings = settings.withGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        } else {
            settings = settings.withGeometry(settings.x(), settings.y(), settings.width(), settings.height(), true);
        }
        settings = settings.withTreeDivider(view.split().getDividerPositions()[0]);
        settingsStore.save(settings);
        view.closeTabs();
        hosts.closeAll();
        timer.shutdownNow();
    }

    public MainView view() {
        return view;
    }

    public MainViewModel model() {
        return model;
    }

    public HostList hosts() {
        return hosts;
    }
}
