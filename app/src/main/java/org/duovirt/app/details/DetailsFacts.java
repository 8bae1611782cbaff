package org.duovirt.app.details;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.app.Messages;
import org.duovirt.core.text.Printable;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Units;
import org.duovirt.core.model.ConsoleInfo;
import org.duovirt.core.model.DiskInfo;
import org.duovirt.core.model.NicInfo;
import org.duovirt.core.model.VmDetails;

/** The overview as label/value pairs, in display order. */
final class DetailsFacts {
    private DetailsFacts() {
    }

    static List<String[]> of(VmDetails d, HostSession host, String backend) {
        List<String[]> out = new ArrayList<>();
        var s = d.summary();
        add(out, "details.name", s.name());
        add(out, "details.uuid", s.uuid());
        add(out, "details.state", Messages.get("state." + s.state().cliName()));
        add(out, "details.os-type", d.osType());
        add(out, "details.mode", d.mode() == null ? Messages.get("details.unknown") : d.mode().cliName().toUpperCase(java.util.Locale.ROOT));
        add(out, "details.arch", d.emulatedArch());
        add(out, "details.hypervisor", backend + " · " + host.displayName() + " (" + org.duovirt.core.uri.Uris.redact(host.config().uri()) + ")");
        add(out, "details.vcpus", s.vcpus() + " / " + s.maxVcpus());
        add(out, "details.memory", Units.mebibytes(s.memoryMiB()) + " / " + Units.mebibytes(s.maxMemoryKiB() / 1024));
        add(out, "details.autostart", Messages.get(d.autostart() ? "details.yes" : "details.no"));
        for (DiskInfo disk : d.disks()) {
            add(out, "details.disk", disk.target() + " (" + disk.device() + (disk.readOnly() ? ", ro" : "") + "): "
                    + (disk.source() == null ? Messages.get("details.empty-drive") : disk.source())
                    + (disk.format() == null ? "" : " [" + disk.format() + "]"));
        }
        for (NicInfo nic : d.nics()) {
            add(out, "details.nic", nic.mac() + " → " + nic.network() + (nic.model() == null ? "" : " (" + nic.model() + ")"));
        }
        for (ConsoleInfo console : d.consoles()) {
            String kind = Messages.get("details.console." + console.kind().name().toLowerCase(java.util.Locale.ROOT));
            add(out, "details.console", console.detail() == null ? kind : kind + " · " + console.detail());
        }
        if (d.disks().isEmpty()) {
            add(out, "details.disk", Messages.get("details.none"));
        }
        if (d.nics().isEmpty()) {
            add(out, "details.nic", Messages.get("details.none"));
        }
        return out;
    }

    private static void add(List<String[]> out, String key, String value) {
        out.add(new String[] {Messages.get(key), value == null ? "—" : Printable.line(value)});
    }
}
