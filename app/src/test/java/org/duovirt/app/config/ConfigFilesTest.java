package org.duovirt.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.duovirt.core.error.DuovirtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
    @TempDir
    Path dir;

    @Test
    void xdgDirectoriesFollowTheEnvironmentWithHomeFallbacks() {
        AppDirs env = AppDirs.from(Map.of("XDG_CONFIG_HOME", "/c", "XDG_STATE_HOME", "/s"), "/home/u", null, null);
        assertThat(env).isEqualTo(new AppDirs(Path.of("/c/duovirt"), Path.of("/s/duovirt")));
        AppDirs fallback = AppDirs.from(Map.of("XDG_CONFIG_HOME", "relative"), "/home/u", null, null);
        assertThat(fallback).isEqualTo(new AppDirs(Path.of("/home/u/.config/duovirt"), Path.of("/home/u/.local/state/duovirt")));
        assertThat(AppDirs.from(Map.of(), "/home/u", "/t/c", "/t/s")).isEqualTo(new AppDirs(Path.of("/t/c"), Path.of("/t/s")));
    }

    @Test
    void connectionsRoundTripThroughJson() throws Exception {
        ConnectionStore store = new ConnectionStore(dir.resolve("duovirt"));
        assertThat(store.load()).isEmpty();
        List<ConnectionConfig> list = List.of(new ConnectionConfig("qemu:///system", null, true),
                new ConnectionConfig("xl+ssh://root@dom0:2222/", "rack \"2\" <dom0>", false));
        store.save(list);
        assertThat(store.load()).isEqualTo(list);
        assertThat(Files.readString(store.file())).contains("\"version\" : 1").contains("xl+ssh://root@dom0:2222/");
    }

    @Test
    void aBrokenConnectionsFileIsOneClearError() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("connections.json"), "{not json");
        assertThatThrownBy(() -> new ConnectionStore(dir).load()).isInstanceOf(DuovirtException.class)
                .hasMessageContaining("Could not read the saved connections");
    }

    @Test
    void uiSettingsRememberThemeGeometryAndColumns() {
        UiSettingsStore store = new UiSettingsStore(dir);
        assertThat(store.load().dark()).isFalse();
        store.save(UiSettings.defaults().withTheme("dark").withGeometry(10, 20, 900, 700, false).withTreeDivider(0.3)
                .withHiddenColumns(List.of("col-disk")));
        UiSettings back = store.load();
        assertThat(back.dark()).isTrue();
        assertThat(back.width()).isEqualTo(900);
        assertThat(back.treeDivider()).isEqualTo(0.3);
        assertThat(back.hiddenColumns()).containsExactly("col-disk");
    }

    @Test
    void badSavedConnectionsAreLeftOutOneSentenceEachAndKeptInTheFile() throws Exception {
        Files.writeString(dir.resolve("connections.json"), """
                {"version": 1, "connections": [
                  {"uri": "qemu:///system", "autoconnect": true},
                  {"uri": "qemu+ext:///system?command=/tmp/x", "autoconnect": true},
                  {"uri": "qemu+ssh://root:hunter2@h/system", "autoconnect": true},
                  {"label": "no uri"},
                  {"uri": 5},
                  {"uri": "qemu+ext:///system?command=/usr/bin/mine", "autoconnect": false, "programsConfirmed": true}
                ]}""");
        ConnectionStore store = new ConnectionStore(dir);
        List<ConnectionConfig> good = store.load();
        assertThat(good).extracting(ConnectionConfig::uri).containsExactly("qemu:///system", "qemu+ext:///system?command=/usr/bin/mine");
        assertThat(store.problems()).hasSize(4);
        assertThat(store.problems().get(0)).startsWith("Saved connection 2 in ").contains("runs a program");
        assertThat(store.problems().get(1)).contains("holds a password").doesNotContain("hunter2");
        assertThat(store.problems().get(2)).contains("has no URI");
        store.save(good);
        String saved = Files.readString(store.file());
        assertThat(saved).contains("command=/tmp/x").contains("no uri");
        assertThat(new ConnectionStore(dir).load()).hasSize(2);
    }

    @Test
    void configStateAndLogFilesArePrivate() throws Exception {
        Path config = dir.resolve("c/duovirt");
        Path state = dir.resolve("s/duovirt");
        new ConnectionStore(config).save(List.of(new ConnectionConfig("qemu:///system", null, true)));
        new UiSettingsStore(config).save(UiSettings.defaults());
        LogSetup.install(new AppDirs(config, state));
        assertThat(mode(config)).isEqualTo("rwx------");
        assertThat(mode(config.resolve("connections.json"))).isEqualTo("rw-------");
        assertThat(mode(config.resolve("ui.json"))).isEqualTo("rw-------");
        assertThat(mode(state)).isEqualTo("rwx------");
        assertThat(mode(state.resolve("duovirt.log"))).isEqualTo("rw-------");
        // What an older version left behind is tightened at start.
        Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(config.resolve("ui.json"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        new AppDirs(config, state).secure();
        assertThat(mode(config)).isEqualTo("rwx------");
        assertThat(mode(config.resolve("ui.json"))).isEqualTo("rw-------");
    }

    private static String mode(Path p) throws Exception {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
