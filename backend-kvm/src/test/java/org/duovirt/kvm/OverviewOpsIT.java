package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rename and description on a real libvirtd (qemu:///system, TCG): hostile names and text go through
 * virDomainRename / virDomainSetMetadata and come back unchanged from virsh; a running VM and a taken name are
 * refused in one sentence and nothing changes. Only domains named {@value #PREFIX}* are touched.
 */
class OverviewOpsIT {
    static final String PREFIX = "hwpages-ov-";
    private static final String NAME = PREFIX + "a";
    private static final String OTHER = PREFIX + "b";
    private static final String HOSTILE = PREFIX + "q \"x\" <é> $(id) ✓";
    private static HostConnection host;

    @BeforeAll
    static void create() {
        cleanUp();
        host = Backends.installed().connect(LiveHost.URI);
        for (String n : new String[] {NAME, OTHER}) {
            LiveHost.defineTiny(host, n);
        }
    }

    @AfterAll
    static void close() {
        if (host != null) {
            host.close();
        }
        cleanUp();
    }

    static void cleanUp() {
        LiveHost.cleanUp(PREFIX);
    }

    @Test
    void aHostileNameWorksBothWaysAndATakenOrRunningOneIsRefused() {
        host.rename(NAME, HOSTILE);
        assertThat(LiveHost.domainNames()).contains(HOSTILE).doesNotContain(NAME);
        assertThat(host.details(HOSTILE).summary().name()).isEqualTo(HOSTILE);

        assertThatThrownBy(() -> host.rename(HOSTILE, OTHER)).isInstanceOf(DuovirtException.class)
                .hasMessageContaining("a VM named '" + OTHER + "' already exists");
        assertThatThrownBy(() -> host.rename(HOSTILE, PREFIX + "line\nbreak")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> host.rename(HOSTILE, PREFIX + "a/b")).hasMessageContaining("'/'");

        host.rename(HOSTILE, NAME);
        host.start(NAME);
        try {
            assertThatThrownBy(() -> host.rename(NAME, PREFIX + "c")).hasMessageContaining("is running");
            assertThat(LiveHost.domainNames()).contains(NAME).doesNotContain(PREFIX + "c");
        } finally {
            host.destroy(NAME);
            LiveHost.await("shut off", Duration.ofSeconds(60), () -> LiveHost.virsh("domstate", NAME).startsWith("shut off"));
        }
    }

    @Test
    void aHostileDescriptionOnSeveralLinesIsSavedAsTypedLiveAndPersistent() {
        String text = "web \"front\" <b>&amp; $(rm -rf /) `id`\nsecond line ñ 🚀";
        host.setDescription(OTHER, text);
        assertThat(host.description(OTHER)).isEqualTo(text);
        assertThat(LiveHost.virsh("desc", "--config", OTHER).strip()).isEqualTo(text);
        assertThat(LiveHost.virsh("dumpxml", "--inactive", OTHER)).contains("&lt;b&gt;&amp;amp;");

        assertThatThrownBy(() -> host.setDescription(OTHER, "bell\u0007")).hasMessageContaining("U+0007");
        assertThat(host.description(OTHER)).isEqualTo(text);

        host.start(OTHER);
        try {
            host.setDescription(OTHER, "running now");
            assertThat(LiveHost.virsh("desc", "--live", OTHER).strip()).isEqualTo("running now");
            assertThat(LiveHost.virsh("desc", "--config", OTHER).strip()).isEqualTo("running now");
        } finally {
            host.destroy(OTHER);
            LiveHost.await("shut off", Duration.ofSeconds(60), () -> LiveHost.virsh("domstate", OTHER).startsWith("shut off"));
        }
        host.setDescription(OTHER, "");
        assertThat(host.description(OTHER)).isEmpty();
    }
}
