package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.duovirt.xen.OwnedConfigStore.OwnedVm;
import org.duovirt.xen.config.XlConfigWriter;
import org.duovirt.xen.transport.LocalTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's constant shell script really run by sh, against a temporary directory. */
class OwnedConfigStoreTest {
    @TempDir
    Path dir;

    private OwnedConfigStore store() {
        return new OwnedConfigStore(new LocalTransport(), dir.resolve("etc").toString(), dir.resolve("save").toString(),
                dir.resolve("images").toString());
    }

    @Test
    void anEmptyHostHasNoOwnedVms() {
        assertThat(store().loadAll()).isEmpty();
    }

    @Test
    void listsConfigsInOneRoundTripWithHostileNamesAndSaveFiles() throws Exception {
        OwnedConfigStore store = store();
        String hostile = "it's \"x\" $(id) café";
        store.write("web", XlConfigWriter.write(named("web")));
        store.write(hostile, XlConfigWriter.write(named(hostile)));
        store.mkdir(store.saveDir());
        Files.writeString(Path.of(store.savePath(hostile)), "saved memory");
        Files.writeString(dir.resolve("etc/notes.txt"), "not a cfg");

        Map<String, OwnedVm> vms = store.loadAll();
        assertThat(vms).containsOnlyKeys("web", hostile);
        assertThat(vms.get("web").saved()).isFalse();
        assertThat(vms.get(hostile).saved()).isTrue();
        assertThat(vms.get(hostile).config().name()).isEqualTo(hostile);
        assertThat(vms.get(hostile).path()).isEqualTo(store.configPath(hostile));
        assertThat(vms.get("web").text()).isEqualTo(XlConfigWriter.write(named("web")));
    }

    @Test
    void anUnreadableConfigIsListedByFileNameWithoutAConfig() throws Exception {
        OwnedConfigStore store = store();
        store.mkdir(store.configDir());
        Files.writeString(Path.of(store.configPath("mangled")), "this is not xl\n");
        OwnedVm vm = store.loadAll().get("mangled");
        assertThat(vm).isNotNull();
        assertThat(vm.config()).isNull();
    }

    @Test
    void removeDeletesExactlyThatFile() throws Exception {
        OwnedConfigStore store = store();
        store.write("a", XlConfigWriter.write(named("a")));
        store.write("b", XlConfigWriter.write(named("b")));
        store.remove(store.configPath("a"));
        assertThat(store.loadAll()).containsOnlyKeys("b");
        store.remove(store.configPath("a")); // already gone: fine
    }

    private static org.duovirt.xen.config.XlConfig named(String name) {
        return new org.duovirt.xen.config.XlConfig(name, "pv", 64, 64, 1, 1, java.util.List.of(), java.util.List.of(),
                "/boot/vmlinuz", null, "console=hvc0", null, false, false, java.util.List.of(), java.util.List.of(), false, null);
    }
}
