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
}
