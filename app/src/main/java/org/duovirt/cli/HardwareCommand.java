package org.duovirt.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duovirt.core.model.BootDevice;
import org.duovirt.core.model.HardwareItem;
import org.duovirt.core.model.VmHardware;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The details tab's hardware list on the command line: every device with its settings, the boot settings. */
@Command(name = "hardware", description = "Show one VM's hardware list: each device (disk, NIC, display, serial, video, "
        + "sound, RNG, TPM, host devices …) with its settings, the boot order, direct kernel boot, CPU model, maximum memory.")
final class HardwareCommand extends HostSubcommand {
    @Parameters(paramLabel = "NAME", description = "The VM.")
    String name;

    @Override
    void run() {
        VmHardware hw = host().hardware(name);
        if (output().isJson()) {
            output().json(json(hw));
            return;
        }
        Output o = output();
        o.line("Boot order:   " + (hw.bootOrder().isEmpty() ? "-" : String.join(",", hw.bootOrder().stream().map(BootDevice::word).toList())));
        if (hw.kernel() != null) {
            o.line("Kernel:       " + hw.kernel() + (hw.initrd() == null ? "" : " initrd " + hw.initrd())
                    + (hw.cmdline() == null ? "" : " args " + hw.cmdline()));
        }
        o.line("CPU model:    " + (hw.cpuModel() == null ? "-" : hw.cpuModel()) + (hw.topology() == null ? "" : ", topology " + hw.topology()));
        o.line("Max memory:   " + (hw.maxMemoryMiB() > 0 ? hw.maxMemoryMiB() + " MiB" : "-"));
        for (HardwareItem item : hw.items()) {
            List<String> settings = new ArrayList<>();
            item.settings().forEach(s -> settings.add(s.key() + "=" + s.value()));
            // the id is what remove-device and the other device commands take
            o.line(String.format(Locale.ROOT, "%-12s  %-12s  %s", kind(item), item.id(), String.join(" ", settings)));
        }
    }

    private static String kind(HardwareItem item) {
        return item.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Map<String, Object> json(VmHardware hw) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bootOrder", hw.bootOrder().stream().map(BootDevice::word).toList());
        m.put("kernel", hw.kernel());
        m.put("initrd", hw.initrd());
        m.put("cmdline", hw.cmdline());
        m.put("cpuModel", hw.cpuModel());
        m.put("topology", hw.topology());
        m.put("maxMemoryMiB", hw.maxMemoryMiB());
        List<Map<String, Object>> items = new ArrayList<>();
        for (HardwareItem item : hw.items()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("kind", kind(item));
            i.put("id", item.id());
            Map<String, String> settings = new LinkedHashMap<>();
            item.settings().forEach(s -> settings.put(s.key(), s.value()));
            i.put("settings", settings);
            items.add(i);
        }
        m.put("devices", items);
        return m;
    }
}
