package org.duovirt.xen.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.xen.Golden;
import org.junit.jupiter.api.Test;

class XlConfigReaderTest {
    @Test
    void readsBackWhatTheWriterWrote() {
        assertThat(XlConfigReader.read(XlConfigWriter.write(XlConfigWriterTest.pvGuest()))).isEqualTo(XlConfigWriterTest.pvGuest());
        assertThat(XlConfigReader.read(XlConfigWriter.write(XlConfigWriterTest.hostileHvm()))).isEqualTo(XlConfigWriterTest.hostileHvm());
    }

    @Test
    void ownershipComesFromTheDuovirtComment() {
        XlConfig config = XlConfigReader.read(Golden.read("golden/pv-guest.cfg"));
        assertThat(config.disks().get(0).owned()).isTrue();
        assertThat(config.disks().get(1).owned()).isFalse();
    }

    @Test
    void readsHandWrittenConfigsWithMultiLineListsSingleQuotesAndComments() {
        String text = """
                # my guest
                name='hand'
                builder = "pv"   
                memory=96 # MiB
                vcpus=2
                cpus = [ "1",
                         "2-3" ]
                extra = "root=/dev/xvda1"
                disk = [ 'phy:/dev/vg/hand,xvda,w' ]
                """;
        XlConfig config = XlConfigReader.read(text);
        assertThat(config.name()).isEqualTo("hand");
        assertThat(config.type()).isEqualTo("pv");
        assertThat(config.memoryMiB()).isEqualTo(96);
        assertThat(config.maxMemoryMiB()).isEqualTo(96);
        assertThat(config.cpus()).containsExactly(CpuSet.of(1), CpuSet.parse("2-3"));
        assertThat(config.cmdline()).isEqualTo("root=/dev/xvda1");
        assertThat(config.disks()).hasSize(1);
        assertThat(config.disks().get(0).owned()).isFalse();
    }

    @Test
    void changesKeepEverythingElse() {
        XlConfig pinned = XlConfigReader.read(Golden.read("golden/pv-guest.cfg"))
                .withPinning(List.of(CpuSet.of(0), CpuSet.of(1)), List.of());
        String rewritten = XlConfigWriter.write(pinned);
        assertThat(rewritten).contains("cpus = [ \"0\", \"1\" ]").doesNotContain("cpus_soft")
                .contains("# duovirt-owned-image = \"/var/lib/xen/duovirt/images/web.img\"");
        assertThat(XlConfigWriter.write(pinned.withMemory(512))).contains("memory = 512\nmaxmem = 512\n");
        assertThat(XlConfigWriter.write(pinned.withVcpus(3))).contains("vcpus = 3\nmaxvcpus = 4\n");
    }

    @Test
    void aLineWithoutEqualsIsRefused() {
        assertThatThrownBy(() -> XlConfigReader.read("name = \"x\"\nnonsense\n")).isInstanceOf(DuovirtException.class)
                .hasMessageContaining("nonsense");
    }
}
