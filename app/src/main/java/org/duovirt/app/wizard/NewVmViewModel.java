package org.duovirt.app.wizard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.duovirt.app.Messages;
import org.duovirt.app.dialog.DialogService;
import org.duovirt.app.exec.TaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSpecBuilder;
import org.duovirt.core.os.OsPreset;
import org.duovirt.core.os.OsPresets;

/**
 * Every choice of the New VM wizard, the problems of the resulting spec (from the shared rules at once,
 * from the host's dry run as soon as it answers) and the definition it would write. Knows no controls;
 * the wizard view binds to it, and tests drive it page by page through the dialog service.
 */
public final class NewVmViewModel implements DialogService.WizardModel {
    private final TaskExecutor ui;
    private final ObservableList<HostSession> hosts;
    private final ObjectProperty<HostSession> host = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<InstallSource> source = new SimpleObjectProperty<>(InstallSource.KERNEL);
    private final StringProperty kernel = new SimpleStringProperty("");
    private final StringProperty initrd = new SimpleStringProperty("");
    private final StringProperty cmdline = new SimpleStringProperty("console=ttyS0");
    private final StringProperty iso = new SimpleStringProperty("");
    private final StringProperty importPath = new SimpleStringProperty("");
    private final StringProperty osVariant = new SimpleStringProperty("");
    private final StringProperty memory = new SimpleStringProperty("128");
    private final StringProperty vcpus = new SimpleStringProperty("1");
    private final StringProperty diskGiB = new SimpleStringProperty("1");
    private final StringProperty pool = new SimpleStringProperty("");
    private final StringProperty network = new SimpleStringProperty("");
    private final StringProperty nicModel = new SimpleStringProperty("virtio");
    private final StringProperty mac = new SimpleStringProperty("");
    private final BooleanProperty nicModelOffered = new SimpleBooleanProperty(true);
    private final ObjectProperty<VirtMode> mode = new SimpleObjectProperty<>();
    private final ObjectProperty<VmSpec.Firmware> firmware = new SimpleObjectProperty<>(VmSpec.Firmware.BIOS);
    private final StringProperty machine = new SimpleStringProperty("");
    private final BooleanProperty startAfter = new SimpleBooleanProperty(true);
    private final ObjectProperty<WizardPage> page = new SimpleObjectProperty<>(WizardPage.SOURCE);
    private final ObservableList<String> networks = safeList();
    private final ObservableList<String> pools = safeList();
    private final ObservableList<ModeChoice> modes = safeList();
    private final ObservableList<SpecProblem> problems = safeList();
    private final Map<SpecField, StringProperty> fieldProblem = new EnumMap<>(SpecField.class);
    private final StringProperty limits = new SimpleStringProperty("");
    private final StringProperty preview = new SimpleStringProperty("");
    private final ObjectProperty<HostFacts> facts = new SimpleObjectProperty<>(HostFacts.UNKNOWN);
    private final HostChecks checks;
    private final StringProperty recommendation = new SimpleStringProperty("");
    private volatile OsPresets presets;
    private volatile List<SpecProblem> localProblems = List.of();
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final CloudInitChoices cloud = new CloudInitChoices();
    private final WizardPinning pinning = new WizardPinning();
    private final DiskChoices disk = new DiskChoices();
    private final CpuModelChoices cpuModel = new CpuModelChoices();
    private final FramebufferChoice framebuffer = new FramebufferChoice();
    private final StringProperty networkBootUnavailable = new SimpleStringProperty("");
    private final BooleanProperty customize = new SimpleBooleanProperty(false);
    private final StringProperty customDefinition = new SimpleStringProperty("");
    private final BooleanProperty newDisk = disk.newDiskProperty();

    public NewVmViewModel(TaskExecutor ui, ObservableList<HostSession> hosts, HostSession preselected) {
        this.ui = ui;
        this.hosts = hosts;
        for (SpecField f : SpecField.values()) {
            fieldProblem.put(f, new SimpleStringProperty());
        }
        this.checks = new HostChecks(ui, this);
        host.addListener((o, a, b) -> checks.loadFacts(b));
        Observable[] inputs = {name, source, kernel, initrd, cmdline, iso, importPath, osVariant, memory, vcpus, newDisk,
                diskGiB, pool, network, nicModel, mac, mode, firmware, machine};
        for (Observable input : inputs) {
            input.addListener(o -> revalidate());
        }
        for (Observable input : cloud.inputs()) {
            input.addListener(o -> revalidate());
        }
        for (Observable input : disk.inputs()) {
            input.addListener(o -> revalidate());
        }
        framebuffer.wantedProperty().addListener(o -> revalidate());
        mode.addListener((o, a, b) -> framebuffer.mode(b));
        cpuModel.modelProperty().addListener(o -> revalidate());
        customDefinition.addListener(o -> {
            if (customize.get()) {
                revalidate();
            }
        });
        customize.addListener((o, was, on) -> customizing(on));
        mode.addListener((o, a, b) -> checks.loadCpuModels(host.get(), b));
        disk.existingProperty().addListener((o, was, on) -> {
            if (on) {
                checks.loadVolumes(host.get(), pools);
            }
        });
        vcpus.addListener(o -> pinning.follow(parse(vcpus.get())));
        pinning.enabledProperty().addListener((o, was, on) -> {
            if (on) {
                pinning.applyPreset(parse(vcpus.get()));
            }
        });
        pinning.presetProperty().addListener(o -> pinning.applyPreset(parse(vcpus.get())));
        pinning.enabledProperty().addListener(o -> revalidate());
        pinning.planProperty().addListener(o -> revalidate());
        host.set(preselected != null ? preselected : hosts.isEmpty() ? null : hosts.get(0));
        osVariant.addListener((o, a, b) -> applyPreset());
        revalidate();
        // ~900 files: read off the UI thread, then check the OS field against them.
        ui.background("Reading osinfo-db", OsPresets::system).thenAccept(p -> ui.ui(() -> {
            presets = p;
            applyPreset();
            revalidate();
        }));
    }

    /** A known OS proposes its recommended memory, vCPUs and disk size (within the host's limits). */
    private void applyPreset() {
        OsPresets db = presets;
        OsPreset preset = db == null ? null : db.find(osVariant.get()).orElse(null);
        if (preset == null) {
            recommendation.set("");
            return;
        }
        HostFacts f = facts.get();
        if (preset.recommendedMiB() > 0) {
            memory.set(Long.toString(Math.min(preset.recommendedMiB(), f.memoryMiB())));
        }
        if (preset.recommendedCpus() > 0) {
            vcpus.set(Integer.toString(Math.min(preset.recommendedCpus(), f.cpus())));
        }
        if (preset.recommendedGiB() > 0) {
            diskGiB.set(Long.toString(preset.recommendedGiB()));
        }
        recommendation.set(Messages.get("wizard.recommended", preset.name(), preset.recommendedMiB(),
                Math.max(1, preset.recommendedCpus()), preset.recommendedGiB()));
    }

    /**
     * The OS presets matching what the user typed in the OS field (every word in the name, id, vendor or family),
     * at most 50; empty until osinfo-db is read. Safe from any thread: the presets are immutable.
     */
    public List<OsPreset> presetMatches(String text) {
        OsPresets db = presets;
        if (db == null || text == null || text.isBlank()) {
            return List.of();
        }
        return db.search(text).stream().limit(50).toList();
    }

    /** What the chosen OS preset recommends, for the resources page; empty for none. */
    public ReadOnlyStringProperty recommendationProperty() {
        return recommendation;
    }

    @Override
    public String title() {
        return Messages.get("wizard.title");
    }

    // ---- choices ----

    public ObservableList<HostSession> hosts() { return hosts; }

    public ObjectProperty<HostSession> hostProperty() { return host; }

    public StringProperty nameProperty() { return name; }

    public ObjectProperty<InstallSource> sourceProperty() { return source; }

    public StringProperty kernelProperty() { return kernel; }

    public StringProperty initrdProperty() { return initrd; }

    public StringProperty cmdlineProperty() { return cmdline; }

    public StringProperty isoProperty() { return iso; }

    public StringProperty importPathProperty() { return importPath; }

    public StringProperty osVariantProperty() { return osVariant; }

    /** The optional pinning step of the resources page. */
    public WizardPinning pinning() { return pinning; }

    /** The cloud image and its cloud-init settings (source {@link InstallSource#CLOUD_IMAGE}). */
    public CloudInitChoices cloud() { return cloud; }

    public StringProperty memoryProperty() { return memory; }

    public StringProperty vcpusProperty() { return vcpus; }

    public BooleanProperty newDiskProperty() { return newDisk; }

    /**
     * "Customize before install": the summary's definition becomes editable, starting from the one previewed; the
     * edit is checked by the host's dry run (libvirt's schema) and is what gets defined. Changes on other pages
     * afterwards do not reach the edit; unticking starts again from them.
     */
    public BooleanProperty customizeProperty() { return customize; }

    /** The edited definition while {@link #customizeProperty()} is on. */
    public StringProperty customDefinitionProperty() { return customDefinition; }

    private void customizing(boolean on) {
        ui.assertUiThread();
        if (on) {
            customDefinition.set(preview.get());
            revalidate();
        } else {
            customDefinition.set("");
            revalidate();
            if (page.get() == WizardPage.SUMMARY) {
                checks.preview();
            }
        }
    }

    /** The platform page's CPU model (KVM). */
    public CpuModelChoices cpuModel() { return cpuModel; }

    /** The storage page's disk: new (with its format) or an existing volume or file. */
    public DiskChoices disk() { return disk; }

    public StringProperty diskGiBProperty() { return diskGiB; }

    public StringProperty poolProperty() { return pool; }

    public StringProperty networkProperty() { return network; }

    /** virtio, e1000 or rtl8139; the Xen backend refuses a model, so the network page offers none there. */
    public StringProperty nicModelProperty() { return nicModel; }

    /** False on Xen, whose guests get its paravirtual NIC. */
    public javafx.beans.property.ReadOnlyBooleanProperty nicModelOfferedProperty() { return nicModelOffered; }

    /** Xen: the graphical console (vfb) choice of the platform page. */
    FramebufferChoice framebuffer() { return framebuffer; }

    /** Empty: the host generates one. */
    public StringProperty macProperty() { return mac; }

    /** null: the best the host can run. */
    public ObjectProperty<VirtMode> modeProperty() { return mode; }

    public ObjectProperty<VmSpec.Firmware> firmwareProperty() { return firmware; }

    public StringProperty machineProperty() { return machine; }

    public BooleanProperty startAfterProperty() { return startAfter; }

    // ---- what the host offers ----

    public ObservableList<String> networks() { return networks; }

    public ObservableList<String> pools() { return pools; }

    public ObservableList<ModeChoice> modes() { return modes; }

    /** "Host: 23 GiB, 2 CPUs" for the resources page. */
    public ReadOnlyStringProperty limitsProperty() { return limits; }

    // ---- problems and preview ----

    /** Every problem of the spec now: the shared rules at once, the host's dry run when it answers. */
    public ObservableList<SpecProblem> problems() { return problems; }

    /** The first problem of one field, or null; shown next to that field. */
    public ReadOnlyStringProperty problemProperty(SpecField field) { return fieldProblem.get(field); }

    /** The domain XML or xl cfg that would be written; empty while there are problems. */
    public ReadOnlyStringProperty previewProperty() { return preview; }

    // ---- pages ----

    public ReadOnlyObjectProperty<WizardPage> pageProperty() { return page; }

    /**
     * True when the page's own fields break no rule that can be told here (a number that is not one, a
     * bad name); the host's dry-run problems show beside their fields but only the summary (Finish) waits
     * for them, since the host may answer late or change meanwhile. The summary needs no problem at all.
     */
    public synchronized boolean pageValid(WizardPage p) {
        if (p == WizardPage.SUMMARY) {
            return problems.isEmpty() && !checking.get();
        }
        return localProblems.stream().noneMatch(pr -> p.fields().contains(pr.field()));
    }

    /** Moves to the next page; false (staying put) when this page still has problems. */
    public synchronized boolean next() {
        ui.assertUiThread();
        WizardPage current = page.get();
        if (current == WizardPage.SUMMARY || !pageValid(current)) {
            return false;
        }
        page.set(WizardPage.values()[current.ordinal() + 1]);
        if (page.get() == WizardPage.SUMMARY) {
            checks.preview();
        }
        return true;
    }

    public void back() {
        ui.assertUiThread();
        if (page.get().ordinal() > 0) {
            page.set(WizardPage.values()[page.get().ordinal() - 1]);
        }
    }

    /** Shows the page the wizard view moved to (the ControlsFX flow moves itself). */
    public void showPage(WizardPage p) {
        ui.assertUiThread();
        page.set(p);
        if (p == WizardPage.SUMMARY) {
            revalidate(); // a fresh dry run: the host may have changed while the user was on the other pages
            checks.preview();
        }
    }

    // ---- the spec ----

    /** The spec as the choices stand, or null with the problems listed when there is none yet. */
    public VmSpec specOrNull() {
        List<SpecProblem> parse = new ArrayList<>();
        VmSpecBuilder b = builder(parse);
        return parse.isEmpty() && b.problems().isEmpty() ? b.build() : null;
    }

    VmSpecBuilder builder(List<SpecProblem> parseProblems) {
        VmSpecBuilder b = new VmSpecBuilder().name(name.get())
                .memoryMiB(number(memory.get(), SpecField.MEMORY, "wizard.problem.memory", parseProblems))
                .vcpus((int) Math.min(Integer.MAX_VALUE, number(vcpus.get(), SpecField.VCPUS, "wizard.problem.vcpus", parseProblems)))
                .network(network.get()).nic(facts.get().xen() || network.get() == null || network.get().isBlank() ? null : nicModel.get(), mac.get()).mode(mode.get() == null ? null : mode.get().cliName()).cpuModel(cpuModel.forSpec()).firmware(firmware.get())
                .framebuffer(framebuffer.forSpec())
                .machine(machine.get()).osVariant(osId(parseProblems));
        long cpuCount = parse(vcpus.get());
        if (cpuCount > 0 && cpuCount <= Integer.MAX_VALUE) {
            pinning.addTo(b, (int) cpuCount, parseProblems);
        }
        switch (source.get()) {
            case KERNEL -> b.kernel(kernel.get(), initrd.get(), cmdline.get());
            case ISO -> b.iso(iso.get());
            case IMPORT -> b.importDisk(importPath.get());
            case CLOUD_IMAGE -> cloud.addTo(b, parseProblems);
            case NETWORK -> networkBoot(b, parseProblems);
            case NONE -> { }
        }
        if (customize.get()) {
            b.definition(customDefinition.get());
            if (customDefinition.get().isBlank()) {
                parseProblems.add(new SpecProblem(SpecField.DEFINITION, Messages.get("wizard.problem.definition-empty")));
            }
        }
        if (source.get() == InstallSource.KERNEL && kernel.get().isBlank()) {
            parseProblems.add(new SpecProblem(SpecField.BOOT, Messages.get("wizard.problem.kernel")));
        }
        if (source.get() == InstallSource.ISO && iso.get().isBlank()) {
            parseProblems.add(new SpecProblem(SpecField.BOOT, Messages.get("wizard.problem.iso")));
        }
        if (source.get() == InstallSource.CLOUD_IMAGE) {
            // The overlay always goes into the pool; the size only grows it past the image's own.
            b.newDisk(newDisk.get() ? decimal(diskGiB.get(), parseProblems) : null, pool.get());
        } else if (source.get() != InstallSource.IMPORT) {
            if (newDisk.get()) {
                b.newDisk(decimal(diskGiB.get(), parseProblems), pool.get());
            }
            disk.addTo(b, parseProblems);
        }
        return b;
    }

    /** PXE needs a network with DHCP: none on the host greys the source, another choice is the network's problem. */
    private void networkBoot(VmSpecBuilder b, List<SpecProblem> problems) {
        b.networkBoot(true);
        List<String> dhcp = facts.get().dhcpNetworks();
        if (dhcp.isEmpty()) {
            problems.add(new SpecProblem(SpecField.BOOT, Messages.get("wizard.problem.pxe-none")));
        } else if (network.get() != null && !network.get().isBlank() && !dhcp.contains(network.get())) {
            problems.add(new SpecProblem(SpecField.NETWORK, Messages.get("wizard.problem.pxe-dhcp", network.get(), String.join(", ", dhcp))));
        }
    }

    /** Why network boot cannot be chosen on this host (no network with DHCP); empty when it can. */
    public ReadOnlyStringProperty networkBootUnavailableProperty() { return networkBootUnavailable; }

    // Synchronized: on the FX thread it costs nothing; under the test executor host answers arrive on the
    // host's worker while the test thread types, and the problem list must not change mid-read.

    /** The OS field as osinfo's full id when the presets know it; an unknown one is a problem once they are read. */
    private String osId(List<SpecProblem> problems) {
        String given = osVariant.get();
        OsPresets db = presets;
        if (given == null || given.isBlank() || db == null) {
            return null;
        }
        return db.find(given).map(OsPreset::id).orElseGet(() -> {
            problems.add(new SpecProblem(SpecField.OS, Messages.get("wizard.problem.os", given)));
            return null;
        });
    }

    /** Recomputes the local problems at once and asks the host for its own (coalesced, off the UI thread). */
    synchronized void revalidate() {
        ui.assertUiThread();
        List<SpecProblem> local = new ArrayList<>();
        VmSpecBuilder b = builder(local);
        local.addAll(b.problems());
        HostFacts f = facts.get();
        long mem = parse(memory.get());
        if (mem > f.memoryMiB()) {
            local.add(new SpecProblem(SpecField.MEMORY, Messages.get("wizard.problem.memory-host", mem, f.memoryMiB())));
        }
        long cpus = parse(vcpus.get());
        if (cpus > f.cpus()) {
            local.add(new SpecProblem(SpecField.VCPUS, Messages.get("wizard.problem.vcpus-host", cpus, f.cpus())));
        }
        if (host.get() == null) {
            local.add(new SpecProblem(SpecField.NAME, Messages.get("wizard.problem.no-host")));
        }
        localProblems = List.copyOf(local);
        setProblems(local);
        preview.set("");
        if (local.isEmpty() && host.get() != null) {
            checks.check(b.build());
        }
    }

    /** Shows problems; called with the local ones, then with the host's for the same spec. */
    synchronized void setProblems(List<SpecProblem> list) {
        ui.assertUiThread();
        problems.setAll(dedupe(list));
        for (SpecField f : SpecField.values()) {
            fieldProblem.get(f).set(problems.stream().filter(p -> p.field() == f).map(SpecProblem::message).findFirst().orElse(null));
        }
    }

    /** True while the host's dry run for the current choices is out; Finish waits for it. */
    public javafx.beans.property.ReadOnlyBooleanProperty checkingProperty() {
        return checking;
    }

    synchronized void setChecking(boolean value) {
        ui.assertUiThread();
        checking.set(value);
    }

    synchronized void setPreview(String text) {
        ui.assertUiThread();
        preview.set(text);
    }

    synchronized void adoptFacts(HostFacts f) {
        ui.assertUiThread();
        facts.set(f);
        networks.setAll(f.networks());
        nicModelOffered.set(!f.xen());
        framebuffer.host(f.xen(), f.graphics(), mode.get());
        cpuModel.offeredProperty().set(!f.xen());
        networkBootUnavailable.set(f.dhcpNetworks().isEmpty() ? Messages.get("wizard.problem.pxe-none") : "");
        pinning.host(f.info() == null ? null : f.info().topology(), f.xen());
        pinning.follow(parse(vcpus.get()));
        pools.setAll(f.pools());
        disk.host(f.local(), f.xen());
        if (disk.existingProperty().get()) {
            checks.loadVolumes(host.get(), pools);
        }
        modes.setAll(f.info() == null ? List.of() : ModeChoices.of(f.xen(), f.info()));
        if (mode.get() == null || modes.stream().noneMatch(c -> c.mode() == mode.get() && c.available())) {
            mode.set(ModeChoices.best(modes, source.get() == InstallSource.ISO));
        } else {
            checks.loadCpuModels(host.get(), mode.get()); // the mode stayed: its listener did not ask
        }
        if ((network.get() == null || network.get().isBlank()) && f.networks().contains("default")) {
            network.set("default");
        }
        if (source.get() == InstallSource.NETWORK && !f.dhcpNetworks().isEmpty() && !f.dhcpNetworks().contains(network.get())) {
            network.set(f.dhcpNetworks().get(0));
        }
        if (f.xen() && cmdline.get().equals("console=ttyS0")) {
            cmdline.set("console=hvc0");
        }
        limits.set(f.info() == null ? "" : Messages.get("wizard.limits", f.memoryMiB(), f.cpus()));
        revalidate();
    }

    TaskExecutor ui() {
        return ui;
    }

    /**
     * On the FX thread only one thread ever touches these; the test executor runs host answers on the host's
     * worker while the test reads, so the lists iterate over a snapshot instead of failing mid-read.
     */
    private static <T> ObservableList<T> safeList() {
        return FXCollections.observableList(new java.util.concurrent.CopyOnWriteArrayList<>());
    }

    private static List<SpecProblem> dedupe(List<SpecProblem> list) {
        return list.stream().distinct().toList();
    }

    private static long parse(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long number(String text, SpecField field, String key, List<SpecProblem> problems) {
        long n = parse(text);
        if (n < 0) {
            problems.add(new SpecProblem(field, Messages.get(key)));
            return 0;
        }
        return n;
    }

    private static double decimal(String text, List<SpecProblem> problems) {
        try {
            double d = Double.parseDouble(text.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new SpecProblem(SpecField.STORAGE, Messages.get("wizard.problem.disk")));
        return 0;
    }
}
