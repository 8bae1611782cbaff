package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.duovirt.core.model.VmState;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.VmCounters;
import org.junit.jupiter.api.Test;

class StatsRecordMapperTest {

    /** What `virsh domstats --raw` printed for a running TCG guest with 2 vCPUs and a cdrom (golden). */
    private static Map<String, Object> qemuRecord() {
        Map<String, Object> p = new LinkedHashMap<>();
        for (String line : Golden.read("domstats-qemu.txt").split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            try {
                p.put(key, Long.parseLong(value));
            } catch (NumberFormatException e) {
                p.put(key, value);
            }
        }
        return p;
    }

    @Test
    void mapsEveryAskedGroupOfARealQemuRecord() {
        VmCounters c = StatsRecordMapper.toCounters("vm", "u", qemuRecord(), EnumSet.allOf(StatsGroup.class));

        assertThat(c.state()).isEqualTo(VmState.RUNNING);
        assertThat(c.cpuTimeNs()).isEqualTo(780057000L);
        assertThat(c.vcpuTimeNs()).containsExactly(500000000L, 0L);
        assertThat(c.memoryCurrentKiB()).isEqualTo(98304L);
        assertThat(c.memoryAvailableKiB()).isEqualTo(VmCounters.UNKNOWN);
        assertThat(c.memoryUsedKiB()).isEqualTo(VmCounters.UNKNOWN);
        assertThat(c.blockReadBytes()).isEqualTo(2048L);
        assertThat(c.blockReadRequests()).isEqualTo(1L);
        assertThat(c.blockWriteBytes()).isZero();
        assertThat(c.netRxBytes()).isZero();
    }

    @Test
    void groupsNotAskedForStayUnknown() {
        VmCounters c = StatsRecordMapper.toCounters("vm", "u", qemuRecord(), Set.of(StatsGroup.CPU));

        assertThat(c.cpuTimeNs()).isEqualTo(780057000L);
        assertThat(c.vcpuCount()).isZero();
        assertThat(c.memoryCurrentKiB()).isEqualTo(VmCounters.UNKNOWN);
        assertThat(c.blockReadBytes()).isEqualTo(VmCounters.UNKNOWN);
        assertThat(c.netTxBytes()).isEqualTo(VmCounters.UNKNOWN);
    }

    @Test
    void sumsDisksAndNicsAndComputesUsedMemoryFromTheBalloon() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("state.state", 3L);
        p.put("balloon.current", 1048576L);
        p.put("balloon.available", 1000000L);
        p.put("balloon.unused", 400000L);
        p.put("block.count", 2L);
        p.put("block.0.rd.bytes", 100L);
        p.put("block.1.rd.bytes", 50L);
        p.put("block.0.wr.bytes", 7L);
        p.put("block.1.wr.bytes", 3L);
        p.put("net.count", 2L);
        p.put("net.0.rx.bytes", 10L);
        p.put("net.1.rx.bytes", 20L);
        p.put("net.0.tx.pkts", 1L);
        p.put("net.1.tx.pkts", 2L);

        VmCounters c = StatsRecordMapper.toCounters("vm", "u", p, EnumSet.allOf(StatsGroup.class));

        assertThat(c.state()).isEqualTo(VmState.PAUSED);
        assertThat(c.memoryUsedKiB()).isEqualTo(600000L);
        assertThat(c.blockReadBytes()).isEqualTo(150L);
        assertThat(c.blockWriteBytes()).isEqualTo(10L);
        assertThat(c.netRxBytes()).isEqualTo(30L);
        assertThat(c.netTxPackets()).isEqualTo(3L);
        assertThat(c.cpuTimeNs()).isEqualTo(VmCounters.UNKNOWN);
    }

    @Test
    void askedGroupsBecomeLibvirtStatsFlagsWithStateAlways() {
        assertThat(StatsRecordMapper.statsFlags(Set.of())).isEqualTo(1);
        assertThat(StatsRecordMapper.statsFlags(EnumSet.of(StatsGroup.CPU, StatsGroup.NET))).isEqualTo(1 | 2 | 16);
        assertThat(StatsRecordMapper.statsFlags(EnumSet.allOf(StatsGroup.class))).isEqualTo(63);
    }

    @Test
    void readsTypedParametersFromTheirNativeLayout() {
        Memory params = new Memory(TypedParams.SIZE * 4L);
        params.clear();
        put(params, 0, "state.state", TypedParams.INT);
        params.setInt(TypedParams.VALUE_OFFSET, 1);
        put(params, 1, "cpu.time", TypedParams.ULLONG);
        params.setLong(TypedParams.SIZE + TypedParams.VALUE_OFFSET, 123456789012L);
        put(params, 2, "block.0.name", TypedParams.STRING);
        Memory text = new Memory(4);
        text.setString(0, "vda", "UTF-8");
        params.setPointer(2L * TypedParams.SIZE + TypedParams.VALUE_OFFSET, text);
        put(params, 3, "vcpu.maximum", TypedParams.UINT);
        params.setInt(3L * TypedParams.SIZE + TypedParams.VALUE_OFFSET, -1);

        Map<String, Object> read = TypedParams.read(params, 4);

        assertThat(read).containsExactly(Map.entry("state.state", 1L), Map.entry("cpu.time", 123456789012L),
                Map.entry("block.0.name", "vda"), Map.entry("vcpu.maximum", 4294967295L));
    }

    private static void put(Memory params, int index, String field, int type) {
        byte[] name = field.getBytes(StandardCharsets.US_ASCII);
        params.write((long) index * TypedParams.SIZE, name, 0, name.length);
        params.setInt((long) index * TypedParams.SIZE + TypedParams.TYPE_OFFSET, type);
    }
}
