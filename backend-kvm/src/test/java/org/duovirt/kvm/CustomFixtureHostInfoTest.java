package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test-driver fixture without per-cell free memory still gives host info (free memory unknown = 0). */
class CustomFixtureHostInfoTest {
    @Test
    void hostInfoOfAFixtureWithoutFreeMemory(@TempDir Path dir) throws Exception {
        Path node = dir.resolve("node.xml");
        Files.writeString(node, "<node><domain type='test'><name>one</name><memory>65536</memory><vcpu>1</vcpu>"
                + "<os><type>hvm</type></os></domain></node>");
        try (HostConnection host = Backends.installed().connect("test://" + node.toAbsolutePath())) {
            HostInfo info = host.hostInfo();
            assertThat(info.freeMemoryKiB()).isZero();
            assertThat(info.totalMemoryKiB()).isPositive();
            assertThat(info.topology().cpuCount()).isPositive();
            assertThat(host.listVms(true)).extracting(v -> v.name()).containsExactly("one");
        }
    }
}
