package org.duovirt.app.details;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.app.dialog.RecordingDialogService;
import org.duovirt.app.exec.DirectTaskExecutor;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.duovirt.core.model.HardwareItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A disk page's cache mode and Grow without a window, on the mixed fixture: build-runner's vda is the 20 GiB
 * volume build-runner.qcow2 of pool "images" (its free space as the test driver counts it); a private test-driver host per connection.
 */
class DiskPageViewModelTest {
    private final DirectTaskExecutor ui = new DirectTaskExecutor();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private HostSession session;
    private HardwareViewModel hw;

    @BeforeEach
    void open() {
        session = MixedFixture.connect();
        hw = new HardwareViewModel(ui, Sessions.row(session, "build-runner"), dialogs);
        hw.load().join();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private HardwareItem vda() {
        return hw.hardwareProperty().get().items().stream().filter(i -> "vda".equals(i.id())).findFirst().orElseThrow();
    }

    @Test
    void growIsCheckedForSizeShrinkingAndThePoolsFreeSpace() {
        DiskPageViewModel page = hw.diskPage(vda());
        Sessions.await("pool found", () -> page.whereProperty().get().startsWith("In pool images"));
        long free = session.call("pools", c -> c.pools()).join().stream().filter(p -> p.name().equals("images"))
                .findFirst().orElseThrow().availableBytes();
        long freeGiB = free >> 30;
        assertThat(page.whereProperty().get()).isEqualTo("In pool images: 20 GiB now, " + freeGiB + " GiB free in the pool.");
        assertThat(page.growBlockedProperty().get()).isNull();

        assertThat(page.growProblemProperty().get()).isEqualTo("Type the size to grow the selected volume to.");
        page.growSizeProperty().set("ten gigs");
        assertThat(page.growProblemProperty().get()).isEqualTo("'ten gigs' is not a size; write it like 512M, 10G or 1.5T.");
        page.growSizeProperty().set("10G");
        assertThat(page.growProblemProperty().get()).isEqualTo("Volume vda has 20480 MiB; a volume only grows, so give a larger size.");
        page.growSizeProperty().set("99999999999999999999T");
        assertThat(page.growProblemProperty().get()).contains("beyond 1 PiB");
        // The pool's free space in whole GiB here (the test driver's pool), so the sizes below are exact.
        assertThat(free % (1L << 30)).isZero();
        page.growSizeProperty().set((20 + freeGiB + 1) + "G");
        assertThat(page.growProblemProperty().get()).isEqualTo("Pool images has " + freeGiB + " GiB free; growing vda by "
                + (freeGiB + 1) + " GiB needs more.");
        page.growSizeProperty().set((20 + freeGiB) + "G");
        assertThat(page.growProblemProperty().get()).isNull();
    }

    @Test
    void theCacheModeIsSavedInTheDefinitionAndReadBack() {
        DiskPageViewModel page = hw.diskPage(vda());
        assertThat(page.cacheUnsupported()).isNull();
        assertThat(page.cacheProperty().get()).isEqualTo(vda().value("cache") == null ? "default" : vda().value("cache"));
        page.cacheProperty().set("writeback");
        hw.applyCache(page).join();
        Sessions.await("cache read back", () -> "writeback".equals(vda().value("cache")));
        assertThat(session.call("xml", c -> c.definition("build-runner")).join()).contains("cache='writeback'");
        assertThat(dialogs.errors).isEmpty();

        DiskPageViewModel again = hw.diskPage(vda());
        again.cacheProperty().set("default");
        hw.applyCache(again).join();
        Sessions.await("cache removed", () -> vda().value("cache") == null);
    }
}
