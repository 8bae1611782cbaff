package org.duovirt.app.main;

import javafx.scene.Node;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.network.NetworksView;
import org.duovirt.app.network.NetworksViewModel;
import org.duovirt.app.storage.StorageView;
import org.duovirt.app.storage.StorageViewModel;

/** Builds a host's tab with its view model ("storage", "networks") and a VM's ("snapshots", "clone"). */
final class HostTabs {
    private HostTabs() {
    }

    static Node view(String kind, TaskExecutor ui, HostSession host, MainViewModel main) {
        return switch (kind) {
            case "storage" -> new StorageView(new StorageViewModel(ui, host, main.jobs(), main.dialogs()));
            case "networks" -> new NetworksView(new NetworksViewModel(ui, host, main.dialogs()));
            case "overview" -> overview(ui, host);
            default -> throw new IllegalArgumentException("No host tab " + kind);
        };
    }

    private static Node overview(TaskExecutor ui, HostSession host) {
        var vm = new org.duovirt.app.overview.HostOverviewViewModel(ui, host.stats().hostLoad(), host.displayName(),
                host.statsInterval(), System::currentTimeMillis);
        if (host.supports(org.duovirt.core.spi.Feature.CPUPOOLS)) {
            host.call(org.duovirt.app.Messages.get("overview.call.pools", host.displayName()),
                    org.duovirt.core.spi.HostConnection::cpuPools).thenAccept(pools -> ui.ui(() -> vm.setPools(pools)));
        }
        var view = new org.duovirt.app.overview.HostOverviewView(vm);
        vm.open();
        return view;
    }

    static Node vmView(String kind, TaskExecutor ui, org.duovirt.app.host.VmRow row, MainViewModel main) {
        return switch (kind) {
            case "snapshots" -> new org.duovirt.app.snapshot.SnapshotsView(
                    new org.duovirt.app.snapshot.SnapshotsViewModel(ui, row, main.dialogs()));
            case "clone" -> new org.duovirt.app.clone.CloneView(
                    new org.duovirt.app.clone.CloneViewModel(ui, row, main.jobs(), main.dialogs()));
            case "definition" -> new org.duovirt.app.definition.DefinitionEditorView(
                    new org.duovirt.app.definition.DefinitionEditorViewModel(ui, row, main.dialogs()));
            case "devices" -> new org.duovirt.app.devices.DevicesView(
                    new org.duovirt.app.devices.DevicesViewModel(ui, row, main.dialogs()));
            default -> throw new IllegalArgumentException("No VM tab " + kind);
        };
    }
}
