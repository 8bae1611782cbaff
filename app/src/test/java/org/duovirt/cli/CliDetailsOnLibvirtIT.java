package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.CloneDisk;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
import org.duovirt.core.testing.Commands;
import org.duovirt.core.testing.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 10's CLI on the real system libvirtd (QEMU, TCG): networks, volumes, disk, CD-ROM and NIC hot-plug,
 * link state, growing a disk, snapshots, the definition editor and clone, each checked with virsh and, where
 * the guest can tell, by the guest itself (testing/guest/build-shell runs "run:" lines on its console).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliDetailsOnLibvirtIT {
    private static final String URI = "qemu:///system";
    private static final long PID = ProcessHandle.current().pid();
    private static final String VM = "det-it-" + PID;
    private static final String CLONE = VM + "-clone";
    private static final String NET = "det-" + (PID % 100000);
    private static final String POOL = "default";
    private static final String VOL = "det-it-" + PID + ".qcow2";
    private static final String UPLOADED = "det-it-" + PID + ".iso";
    private static final String MAC = "52:54:00:de:" + String.format("%02x:%02x", (PID >> 8) & 0xff, PID & 0xff);
    private static final CliAgainst CLI = new CliAgainst(URI);
    private static Path guest;
    private static Path hostileFile;

    @BeforeAll
    static void buildGuest() throws Exception {
        guest = Path.of("/var/lib/libvirt/images/duovirt-test-det-shell");
        Commands.ok(List.of(Repository.root().resolve("testing/guest/build-shell").toString(), guest.toString()), Duration.ofMinutes(5));
        Path dir = Files.createTempDirectory("det-it");
        hostileFile = dir.resolve("my \"disc\" 'x' é $(x).iso");
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(PID).nextBytes(data);
        Files.write(hostileFile, data);
    }

    @AfterAll
    static void removeLeftovers() {
        for (String vm : List.of(CLONE, VM)) {
            CliRun.of("destroy", vm, "-c", URI);
            CliRun.of("delete", vm, "--storage", "-c", URI);
        }
        CliRun.of("vol-delete", POOL, VOL, "--force", "-c", URI);
        CliRun.of("vol-delete", POOL, UPLOADED, "--force", "-c", URI);
        CliRun.of("net-delete", NET, "-c", URI);
    }

    private static String virsh(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("virsh", "-c", URI));
        argv.addAll(List.of(args));
        return Commands.ok(argv, Duration.ofMinutes(2));
    }

    /** Runs a shell line in the guest and returns what it printed before {@code end} (the input echo holds END split by ""). */
    private static String inGuest(String command) {
        String end = "END-OF-" + Long.toHexString(System.nanoTime());
        String line = "run:" + command + "; echo " + end.substring(0, 3) + "\"\"" + end.substring(3) + "\n";
        CliRun run = CliRun.withInput(new RetypedLine(line, Duration.ofSeconds(20), Duration.ofSeconds(70)),
                "console", VM, "--wait-for", end, "--timeout", "90", "-c", URI);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    private static long guestSectors(String dev) {
        Matcher m = Pattern.compile("SECTORS=(\\d+)").matcher(inGuest("echo SECTORS=$(cat /sys/block/" + dev + "/size)"));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(end);
            Thread.sleep(500);
        }
    }

    @Test
    @Order(1)
    void createsStopsAndStartsANatNetworkWithDhcp() throws Exception {
        CliRun bad = CliRun.of("net-create", NET, "--address", "10.1.1.1/24", "--dhcp", "10.2.0.1-10.2.0.9", "-c", URI);
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("is not inside 10.1.1.1/24");
        JsonNode made = CLI.json("net-create", NET, "--mode", "nat", "--address", "192.168.233.1/24",
                "--dhcp", "192.168.233.100-192.168.233.150");
        assertThat(made.get("active").asBoolean()).isTrue();
        assertThat(virsh("net-list")).containsPattern(NET + "\\s+active");
        assertThat(virsh("net-dumpxml", NET)).contains("<forward mode='nat'").contains("start='192.168.233.100'");
        CLI.ok("net-stop", NET);
        assertThat(virsh("net-list", "--inactive")).containsPattern(NET + "\\s+inactive");
        CLI.ok("net-start", NET);
        assertThat(virsh("net-list")).containsPattern(NET + "\\s+active");
    }

    @Test
    @Order(2)
    void uploadsAFileWithAHostileNameAndTheChecksumsAgree() throws Exception {
        CliRun tooBig = CliRun.of("vol-create", POOL, VOL, "900T", "-c", URI);
        assertThat(tooBig.err()).contains("does not fit");
        JsonNode up = CLI.json("vol-upload", POOL, hostileFile.toString(), "--name", UPLOADED);
        Path onHost = Path.of(up.get("path").asText());
        assertThat(sha256(onHost)).isEqualTo(sha256(hostileFile));
        assertThat(virsh("vol-list", POOL)).contains(UPLOADED);
        JsonNode vol = CLI.json("vol-create", POOL, VOL, "32M");
        assertThat(vol.get("capacityBytes").asLong()).isEqualTo(32L << 20);
        assertThat(virsh("vol-info", "--pool", POOL, VOL)).containsPattern("Capacity:\\s+32.00 MiB");
    }

    @Test
    @Order(3)
    void createsAndBootsTheGuestOnTheNewNetworkWithAnEmptyCdrom() throws Exception {
        CLI.ok("create", "--name", VM, "--memory", "96", "--vcpus", "1", "--disk", "0.05",
                "--kernel", guest.resolve("vmlinuz").toString(), "--initrd", guest.resolve("initrd.gz").toString(),
                "--cmdline", "console=ttyS0", "--virt-type", "qemu", "--network", NET);
        CLI.ok("attach-disk", VM, "--cdrom", "--config");
        CLI.ok("start", VM);
        CLI.ok("console", VM, "--wait-for", Repository.GUEST_BANNER, "--timeout", "120");
        assertThat(virsh("domblklist", VM)).containsPattern("sda\\s+-");
    }

    @Test
    @Order(4)
    void attachesADiskTheGuestSeesRefusesDeletingItAndDetachesIt() throws Exception {
        String volPath = CLI.json("vols", POOL).findValues("path").stream().map(JsonNode::asText)
                .filter(p -> p.endsWith("/" + VOL)).findFirst().orElseThrow();
        JsonNode attached = CLI.json("attach-disk", VM, volPath);
        assertThat(attached.get("target").asText()).isEqualTo("vdb");
        assertThat(virsh("domblklist", VM)).contains("vdb").contains(volPath);
        assertThat(guestSectors("vdb")).isEqualTo((32L << 20) / 512);
        CliRun refused = CliRun.of("vol-delete", POOL, VOL, "-c", URI);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("is used by VM '" + VM + "'; it was not deleted");
        CLI.ok("detach-disk", VM, "vdb");
        await("vdb detached", () -> !virsh("domblklist", VM).contains("vdb"));
        assertThat(virsh("domblklist", VM, "--inactive")).doesNotContain("vdb");
        CLI.ok("vol-delete", POOL, VOL);
        assertThat(virsh("vol-list", POOL)).doesNotContain(VOL);
    }

    @Test
    @Order(5)
    void insertsAndEjectsAnIsoLive() throws Exception {
        String iso = CLI.json("vols", POOL).findValues("path").stream().map(JsonNode::asText)
                .filter(p -> p.endsWith("/" + UPLOADED)).findFirst().orElseThrow();
        CLI.ok("change-media", VM, "sda", "--insert", iso);
        assertThat(virsh("domblklist", VM)).contains(iso);
        CLI.ok("change-media", VM, "sda", "--eject");
        assertThat(virsh("domblklist", VM)).containsPattern("sda\\s+-");
        CliRun notCdrom = CliRun.of("change-media", VM, "vda", "--eject", "-c", URI);
        assertThat(notCdrom.err()).contains("has no CD-ROM drive vda");
    }

    @Test
    @Order(6)
    void attachesANicSetsItsLinkDownAndUpAndDetachesIt() throws Exception {
        CliRun badMac = CliRun.of("attach-interface", VM, "--network", NET, "--mac", "52:54:00:xx:00:01", "-c", URI);
        assertThat(badMac.err()).contains("is not a MAC address");
        CLI.ok("attach-interface", VM, "--network", NET, "--mac", MAC);
        assertThat(virsh("domiflist", VM)).contains(MAC).contains(NET);
        CLI.ok("domif-setlink", VM, MAC, "down");
        assertThat(virsh("domif-getlink", VM, MAC)).contains("down");
        CLI.ok("domif-setlink", VM, MAC, "up");
        assertThat(virsh("domif-getlink", VM, MAC)).contains("up");
        assertThat(CLI.json("networks").toString()).contains(VM);
        CLI.ok("detach-interface", VM, MAC);
        await("NIC detached", () -> !virsh("domiflist", VM).contains(MAC));
    }

    @Test
    @Order(7)
    void growsTheDiskLiveAndTheGuestSeesTheNewSize() {
        long before = guestSectors("vda");
        CLI.ok("blockresize", VM, "vda", "80M");
        long after = guestSectors("vda");
        assertThat(before).isLessThan(after);
        assertThat(after).isEqualTo((80L << 20) / 512);
        CliRun shrink = CliRun.of("blockresize", VM, "vda", "1M", "-c", URI);
        assertThat(shrink.err()).contains("a disk only grows");
    }

    @Test
    @Order(8)
    void revertingASnapshotBringsBackTheMarkerTheGuestWrote() throws Exception {
        inGuest("echo MARK-A | dd of=/dev/vda bs=512 count=1 conv=notrunc,fsync 2>/dev/null");
        CLI.ok("snapshot-create", VM, "det-s1", "--description", "marker \"A\", <before>");
        assertThat(virsh("snapshot-list", VM)).contains("det-s1");
        JsonNode list = CLI.json("snapshot-list", VM);
        assertThat(list.get(0).get("description").asText()).isEqualTo("marker \"A\", <before>");
        assertThat(list.get(0).get("state").asText()).isEqualTo("running");
        inGuest("echo MARK-B | dd of=/dev/vda bs=512 count=1 conv=notrunc,fsync 2>/dev/null");
        assertThat(inGuest("echo DISK=$(head -c 6 /dev/vda)")).contains("DISK=MARK-B");
        CLI.ok("snapshot-revert", VM, "det-s1");
        // A cold boot reads the disk itself, not the page cache the memory snapshot also brought back.
        CLI.ok("destroy", VM);
        CLI.ok("start", VM);
        CLI.ok("console", VM, "--wait-for", Repository.GUEST_BANNER, "--timeout", "120");
        assertThat(inGuest("echo DISK=$(head -c 6 /dev/vda)")).contains("DISK=MARK-A");
        CLI.ok("snapshot-delete", VM, "det-s1");
        assertThat(virsh("snapshot-list", VM)).doesNotContain("det-s1");
    }

    @Test
    @Order(9)
    void anInvalidEditIsRefusedWithLibvirtsMessageAndAValidOneIsShownAndApplied() throws Exception {
        String before = virsh("dumpxml", VM, "--inactive");
        Path bad = script("sed -i 's|</devices>|<bogus/></devices>|' \"$1\"");
        CliRun refused = CliRun.of("edit", VM, "--editor", bad.toString(), "-c", URI);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("failed to validate against schema").contains("nothing was changed");
        assertThat(virsh("dumpxml", VM, "--inactive")).isEqualTo(before);
        Path good = script("sed -i 's|<on_crash>destroy</on_crash>|<on_crash>restart</on_crash>|' \"$1\"");
        CliRun applied = CLI.ok("edit", VM, "--editor", good.toString());
        assertThat(applied.out()).contains("-  <on_crash>destroy</on_crash>").contains("+  <on_crash>restart</on_crash>")
                .contains("validated and applied");
        assertThat(virsh("dumpxml", VM, "--inactive")).contains("<on_crash>restart</on_crash>");
    }

    @Test
    @Order(10)
    void setsAutostartAndTheBootOrder() {
        CLI.ok("autostart", VM);
        assertThat(virsh("dominfo", VM)).containsPattern("Autostart:\\s+enable");
        CLI.ok("autostart", VM, "--disable");
        assertThat(virsh("dominfo", VM)).containsPattern("Autostart:\\s+disable");
        assertThat(CliRun.of("set-boot", VM, "hd,cdrom,hd", "-c", URI).err()).contains("names hd twice");
        CLI.ok("set-boot", VM, "cdrom,hd");
        assertThat(virsh("dumpxml", VM, "--inactive")).containsPattern("<boot dev='cdrom'/>\\s*<boot dev='hd'/>");
    }

    @Test
    @Order(11)
    void aCancelledCloneLeavesNothingAndAFinishedOneBoots() throws Exception {
        CLI.ok("destroy", VM);
        try (HostConnection host = Backends.installed().connect(URI)) {
            AtomicInteger steps = new AtomicInteger();
            ProgressListener cancelAfterFirstCopy = new ProgressListener() {
                @Override
                public void progress(String step, double fraction) {
                    steps.incrementAndGet();
                }

                @Override
                public boolean isCancelled() {
                    return steps.get() > 0;
                }
            };
            try {
                host.cloneVm(VM, CLONE, java.util.Map.of("vda", CloneDisk.COPY), cancelAfterFirstCopy);
                throw new AssertionError("the clone was not cancelled");
            } catch (DuovirtException e) {
                assertThat(e.getMessage()).contains("was cancelled; nothing was kept");
            }
        }
        assertThat(virsh("list", "--all", "--name")).doesNotContain(CLONE);
        assertThat(virsh("vol-list", POOL)).doesNotContain(CLONE);
        CLI.ok("clone", VM, CLONE, "--disk", "vda=copy", "--disk", "sda=skip");
        String disks = virsh("domblklist", CLONE);
        assertThat(disks).contains("vda").contains(CLONE).doesNotContain("sda");
        CLI.ok("start", CLONE);
        CLI.ok("console", CLONE, "--wait-for", Repository.GUEST_BANNER, "--timeout", "120");
    }

    private static Path script(String body) throws Exception {
        Path file = Files.createTempFile("det-edit", ".sh");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        file.toFile().setExecutable(true);
        return file;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
