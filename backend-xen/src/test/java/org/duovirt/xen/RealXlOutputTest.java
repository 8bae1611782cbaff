package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.VmNotFoundException;
import org.duovirt.core.model.CpuPool;
import org.duovirt.core.model.HostInfo;
import org.duovirt.core.model.VcpuAffinity;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmState;
import org.duovirt.core.stats.StatsGroup;
import org.duovirt.core.stats.StatsSample;
import org.duovirt.core.stats.VmCounters;
import org.duovirt.xen.parse.CpupoolListParser;
import org.duovirt.xen.parse.VcpuListParser;
import org.duovirt.xen.parse.XentopDomain;
import org.duovirt.xen.parse.XentopParser;
import org.duovirt.xen.parse.XlDomainConfig;
import org.duovirt.xen.parse.XlDomainRow;
import org.duovirt.xen.parse.XlInfoParser;
import org.duovirt.xen.parse.XlListJsonParser;
import org.duovirt.xen.parse.XlListParser;
import org.duovirt.xen.transport.CommandResult;
import org.junit.jupiter.api.Test;

/** Every parser on output captured from the real Xen 4.17.7 test host (see xl-output/README.md). */
class RealXlOutputTest {
    private static final CpuSet HOST = CpuSet.parse("0-3");

    private static String capture(String name) {
        return Golden.read("xl-output/" + name);
    }

    private static CommandResult failed(String name) {
        return new CommandResult(List.of("xl"), Integer.parseInt(capture(name + ".exit").strip()), "", capture(name + ".stderr"));
    }

    @Test
    void xlInfoOfTheTwoNodeTestHost() {
        HostInfo host = XlInfoParser.hostInfo(XlInfoParser.parse(capture("xl-info-n.txt")), null);
        assertThat(host.hypervisorVersion()).isEqualTo("4.17.7");
        assertThat(host.hostname()).isEqualTo("xenhost");
        assertThat(host.totalMemoryKiB()).isEqualTo(3071L * 1024);
        assertThat(host.topology().cells()).extracting(c -> c.cpus().toString(), c -> c.memoryKiB() / 1024, c -> c.freeMemoryKiB() / 1024)
                .containsExactly(tuple("0-1", 1536L, 1231L), tuple("2-3", 1535L, 685L));
        assertThat(host.topology().allCpus()).isEqualTo(HOST);
        // virt_caps "pv hvm hap …": QEMU's emulated CPU offers SVM, so PVH works there [seen].
        assertThat(host.supportedModes()).isEqualTo(Set.of(VirtMode.PV, VirtMode.PVH, VirtMode.HVM));
        assertThat(XlInfoParser.hostInfo(XlInfoParser.parse(capture("xl-info.txt")), null).topology().cpuCount()).isEqualTo(4);
    }

    @Test
    void xlListVariants() {
        List<XlDomainRow> verbose = XlListParser.parse(capture("xl-list-v.txt"), false);
        assertThat(verbose).extracting(XlDomainRow::name, XlDomainRow::state, XlDomainRow::uuid).containsExactly(
                tuple("Domain-0", VmState.RUNNING, "00000000-0000-0000-0000-000000000000"),
                tuple("capguest", VmState.RUNNING, "82ca56c3-77c4-4134-8cab-4408e2f0001c"),
                // a domain xl create is still building: paused, no memory, no vCPU yet
                tuple("xenbk-m", VmState.OTHER, "bb16f99a-e2ea-4177-aa0c-5b8b27374a3c"));
        assertThat(XlListParser.parse(capture("xl-list-c.txt"), true)).extracting(XlDomainRow::pool).containsOnly("Pool-0");
        assertThat(XlListParser.parse(capture("xl-list-paused.txt"), false).get(1).state()).isEqualTo(VmState.PAUSED);
        // "dom0-only" caught another client's domain half-created
        assertThat(XlListParser.parse(capture("xl-list-dom0-only.txt"), false)).extracting(XlDomainRow::domid, XlDomainRow::state)
                .containsExactly(tuple(0, VmState.RUNNING), tuple(1, VmState.OTHER));
        assertThat(XlListParser.parse(capture("xl-list-after-shutdown.txt"), false)).extracting(XlDomainRow::name)
                .doesNotContain("capguest");
        assertThat(XlListParser.parse(capture("xl-list.txt"), false).get(1).memoryMiB()).isEqualTo(96);
    }

    @Test
    void xlListLongAndTheDryRunJson() {
        List<XlDomainConfig> domains = XlListJsonParser.parse(capture("xl-list-l.txt"));
        assertThat(domains).extracting(XlDomainConfig::name).contains("capguest").doesNotContain("Domain-0");
        XlDomainConfig cap = XlListJsonParser.parse(capture("xl-list-l-dom.txt")).get(0);
        assertThat(cap.name()).isEqualTo("capguest");
        assertThat(cap.maxVcpus()).isEqualTo(2);
        assertThat(cap.maxMemoryKiB()).isEqualTo(98304);
        assertThat(cap.kernel()).isEqualTo("/root/guest/vmlinuz");
        assertThat(cap.cmdline()).isEqualTo("console=hvc0");
        XlDomainConfig dry = XlListJsonParser.parse(capture("xl-N-create.txt")).get(0);
        assertThat(dry.name()).isEqualTo("capguest");
        assertThat(dry.ramdisk()).isEqualTo("/root/guest/initrd.gz");
        assertThat(dry.domid()).isEqualTo(-1);
    }

    @Test
    void vcpuListBeforeAndAfterAPin() {
        List<VcpuAffinity> all = VcpuListParser.parse(capture("xl-vcpu-list.txt"), HOST).vcpus();
        assertThat(all).hasSize(7); // Domain-0's four and the guests'; callers ask per domain
        assertThat(all.get(4)).isEqualTo(new VcpuAffinity(0, HOST, CpuSet.parse("0-1"), 0));
        List<VcpuAffinity> pinned = VcpuListParser.parse(capture("xl-vcpu-list-dom-pinned.txt"), HOST).vcpus();
        assertThat(pinned).containsExactly(new VcpuAffinity(0, CpuSet.of(1), CpuSet.parse("2-3"), 1),
                new VcpuAffinity(1, HOST, CpuSet.parse("0-1"), 1));
    }

    @Test
    void xentopBatchStream() {
        List<List<XentopDomain>> iterations = XentopParser.parseAll(capture("xentop-b-d1-i3-f-v-n-x.txt"));
        assertThat(iterations).hasSize(3);
        assertThat(iterations.get(0)).extracting(XentopDomain::name).containsExactly("capguest", "Domain-0", "xenbk-m");
        XentopDomain dom0 = iterations.get(0).get(1);
        assertThat(dom0.maxMemoryKiB()).isEqualTo(1048576); // dom0_mem=…,max:1024M: a number, not "no limit"
        assertThat(dom0.vcpuSeconds()).containsExactly(293, 265, 278, 309);
        assertThat(iterations.get(2).get(0).vcpuSeconds()).containsExactly(81, 55);
        assertThat(iterations.get(2).get(2).stateLetters()).isEqualTo("----p-");
        StatsSample sample = XentopCounters.sample(new XentopStream.Snapshot(java.time.Instant.EPOCH, 0, iterations.get(2)),
                EnumSet.allOf(StatsGroup.class), List.of());
        assertThat(sample.vms()).extracting(VmCounters::name, VmCounters::state)
                .containsExactly(tuple("capguest", VmState.RUNNING), tuple("xenbk-m", VmState.PAUSED));
        assertThat(sample.vm("capguest").orElseThrow().cpuTimeNs()).isEqualTo(136_000_000_000L);
        assertThat(sample.vm("xenbk-m").orElseThrow().blockReadBytes()).isZero();
    }

    @Test
    void cpupools() {
        List<CpuPool> pools = CpupoolListParser.parse(capture("xl-cpupool-list.txt"), capture("xl-cpupool-list-c.txt"),
                XlListParser.parse(capture("xl-list-c.txt"), true));
        assertThat(pools).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Pool-0");
            assertThat(p.cpus()).isEqualTo(HOST);
            assertThat(p.scheduler()).isEqualTo("credit2");
            assertThat(p.vms()).containsExactly("capguest", "xenbk-m");
        });
    }

    @Test
    void realErrorsBecomeOneSentence() {
        assertThat(XlErrors.error(failed("err-xl-pause-nosuch"), "pause 'nosuch'", "nosuch", "h"))
                .isInstanceOf(VmNotFoundException.class);
        DuovirtException duplicate = XlErrors.error(failed("err-xl-create-duplicate"), "start 'capguest'", "capguest", "h");
        assertThat(duplicate.getMessage()).isEqualTo("Could not start 'capguest' on h: Domain with name \"capguest\" already exists.");
        assertThat(duplicate.details()).contains("cannot make domain: -6");
        assertThat(XlErrors.error(failed("err-xl-create-nonexistent"), "start 'x'", "x", "h").getMessage())
                .isEqualTo("Could not start 'x' on h: Failed to read config file: /nonexistent: No such file or directory.");
        assertThat(XlErrors.error(failed("err-xl-N-create-bad-syntax"), "check the config of 'x'", null, "h").getMessage())
                .isEqualTo("Could not check the config of 'x' on h: /root/capture/bad-syntax.cfg:1: config parsing error near `\"broken': lexical error.");
    }

    @Test
    void warningsOnStderrWithExitZeroAreSuccess() {
        assertThat(capture("xl-shutdown-w.exit").strip()).isEqualTo("0");
        assertThat(capture("xl-list-l.exit").strip()).isEqualTo("0");
        // The JSON is still complete although stderr reports a domain it could not read.
        assertThat(capture("xl-list-l.stderr")).contains("libxl: error");
        assertThat(XlListJsonParser.parse(capture("xl-list-l.txt"))).isNotEmpty();
    }

    @Test
    void theOwnedCfgWriterReadsTheHandWrittenCaptureGuest() {
        var config = org.duovirt.xen.config.XlConfigReader.read(capture("guest.cfg"));
        assertThat(config.name()).isEqualTo("capguest");
        assertThat(config.memoryMiB()).isEqualTo(96);
        assertThat(config.vcpus()).isEqualTo(2);
        assertThat(config.cmdline()).isEqualTo("console=hvc0");
    }
}
