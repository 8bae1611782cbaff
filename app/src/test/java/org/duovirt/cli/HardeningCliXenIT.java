package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.core.testing.XenTestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's Xen findings through the CLI against the shared Xen test host (xl+ssh://, see
 * {@link XenTestHosts}), checked with commands in dom0. VMs are defined, never started: xl keeps no
 * stopped VMs, so a defined VM is its owned config, and nothing here needs a guest to boot.
 */
class HardeningCliXenIT {
    private static final String VM = "hard-xen-" + ProcessHandle.current().pid();
    private static final String BIG = "hard-xenbig-" + ProcessHandle.current().pid();
    private static final String LINK = "hard-xenlink-" + ProcessHandle.current().pid();
    private static final String MOVED = "hard-xenmoved-" + ProcessHandle.current().pid();
    private static final String IMAGES = "/var/lib/xen/duovirt/images";
    private static String uri;
    private static CliAgainst cli;

    @BeforeAll
    static void defineAStoppedVm() throws Exception {
        uri = XenTestHosts.uri();
        cli = new CliAgainst(uri);
        cli.ok("create", "--name", VM, "--memory", "64", "--vcpus", "1", "--disk", "0.01");
    }

    @AfterAll
    static void removeLeftovers() {
        if (uri != null) {
            for (String vm : List.of(VM, BIG, LINK, MOVED)) {
                CliRun.of("delete", vm, "--storage", "-c", uri);
            }
        }
    }

    /**
     * A script in dom0. The shared test host's sshd sometimes refuses a login while it is overloaded
     * (exit 255, "Permission denied (publickey)" under TCG with several test runs at once): retried.
     */
    static String dom0(String script) throws Exception {
        AssertionError last = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            try {
                return XenTestHosts.dom0(script).strip();
            } catch (AssertionError e) {
                if (!String.valueOf(e.getMessage()).contains("(exit 255)")) {
                    throw e;
                }
                last = e;
                Thread.sleep(3000);
            }
        }
        throw last;
    }

    private static String cfg() throws Exception {
        return dom0("cat /etc/xen/duovirt/" + VM + ".cfg");
    }

    @Test
    void vcpusPastTheHostsPhysicalCpusAndOverflowingMemoryAreRefusedBeforeTheConfigIsWritten() throws Exception {
        String before = cfg();
        assertThat(cli.fails("set-vcpus", "--config", VM, "2147483647").err())
                .contains("At most 4 vCPUs are possible for this VM on this host; 2147483647 was asked for.");
        assertThat(cli.fails("set-vcpus", "--config", VM, "5").err()).contains("At most 4 vCPUs");
        assertThat(cli.fails("set-memory", "--config", VM, "18014398509481985").err())
                .contains("Memory of 18014398509481985 MiB is more than the host's");
        assertThat(cfg()).isEqualTo(before);
        cli.ok("set-vcpus", "--config", VM, "4");
        assertThat(cfg()).contains("vcpus = 4");
    }

    @Test
    void aDiskLargerThanTheImageFileSystemIsRefusedUnlessTheUserInsists() throws Exception {
        assertThat(cli.fails("create", "--name", BIG, "--memory", "64", "--vcpus", "1", "--disk", "1").err())
                .contains("A new disk of 1.0 GiB is larger than all of /var/lib/xen/duovirt/images");
        assertThat(dom0("ls /etc/xen/duovirt/ /var/lib/xen/duovirt/images/")).doesNotContain(BIG);
        CliRun insisted = cli.ok("create", "--name", BIG, "--memory", "64", "--vcpus", "1", "--disk", "1", "--overcommit-disk");
        assertThat(insisted.err()).contains("Warning: A new disk of 1.0 GiB is larger than all of");
        cli.ok("delete", BIG, "--storage");
    }

    @Test
    void aPasswordAZeroKnownHostsFileAndARelativeKeyAreRefusedAtOnce() {
        String hostPart = uri.substring("xl+ssh://root@".length(), uri.indexOf('/', "xl+ssh://".length()));
        CliRun password = CliRun.of("list", "-c", "xl+ssh://root:s3cr3t-pw@" + hostPart + "/");
        assertThat(password.exitCode()).isEqualTo(1);
        assertThat(password.err()).contains("holds a password").contains("SSH key").doesNotContain("s3cr3t-pw");
        long start = System.nanoTime();
        CliRun zero = CliRun.of("list", "-c", "xl+ssh://root@" + hostPart + "/?known_hosts=/dev/zero");
        assertThat(zero.err()).contains("The known_hosts parameter '/dev/zero' is not a regular file.");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(10_000);
        CliRun relative = CliRun.of("list", "-c", "xl+ssh://root@" + hostPart + "/?keyfile=id_ed25519");
        assertThat(relative.err()).contains("The keyfile parameter must be an absolute path; 'id_ed25519' is relative.");
    }

    @Test
    void ownedConfigsImagesAndTheirDirectoriesAreRootsAlone() throws Exception {
        String image = dom0("sed -n 's/^# duovirt-owned-image = \"\\(.*\\)\"$/\\1/p' /etc/xen/duovirt/" + VM + ".cfg");
        assertThat(image).startsWith(IMAGES + "/");
        assertThat(dom0("stat -c '%a %n' /etc/xen/duovirt /etc/xen/duovirt/" + VM + ".cfg " + IMAGES + " '" + image + "'"))
                .isEqualTo("700 /etc/xen/duovirt\n600 /etc/xen/duovirt/" + VM + ".cfg\n700 " + IMAGES + "\n600 " + image);
    }

    @Test
    void aSymlinkOrImagesDotDotInTheImageDirectoryIsNotOwnedAndDeleteLeavesItsTarget() throws Exception {
        cli.ok("create", "--name", LINK, "--memory", "64", "--vcpus", "1", "--disk", "0.01");
        String cfg = "/etc/xen/duovirt/" + LINK + ".cfg";
        String image = dom0("sed -n 's/^# duovirt-owned-image = \"\\(.*\\)\"$/\\1/p' " + cfg);
        String victim = "/root/" + LINK + "-victim";
        String link = IMAGES + "/" + LINK + "-link.img";
        // The VM's owned image becomes a symlink in the image directory to a file elsewhere.
        dom0("echo precious > " + victim + " && ln -s " + victim + " " + link + " && sed -i 's|" + image + "|" + link + "|g' " + cfg);
        var items = cli.json("storage", LINK);
        assertThat(items.get(0).get("path").asText()).isEqualTo(link);
        assertThat(items.get(0).get("owned").asBoolean()).as("a symlink is not owned").isFalse();
        dom0("sed -i 's|" + link + "|" + IMAGES + "/..|g' " + cfg);
        assertThat(cli.json("storage", LINK).get(0).get("owned").asBoolean()).as("images/.. is not owned").isFalse();
        cli.ok("delete", LINK, "--storage");
        assertThat(dom0("cat " + victim + "; ls -d " + IMAGES)).isEqualTo("precious\n" + IMAGES);
        dom0("rm -f " + victim + " " + link + " '" + image + "'");
    }

    @Test
    void aPersistentChangeRewritesTheConfigFileItWasReadFrom() throws Exception {
        cli.ok("create", "--name", MOVED, "--memory", "64", "--vcpus", "1", "--disk", "0.01");
        String file = "/etc/xen/duovirt/" + MOVED + "-file.cfg";
        dom0("mv /etc/xen/duovirt/" + MOVED + ".cfg " + file);
        cli.ok("set-vcpus", "--config", MOVED, "2");
        assertThat(dom0("grep '^vcpus' " + file + "; ls /etc/xen/duovirt/ | grep -c '^" + MOVED + "' || true"))
                .isEqualTo("vcpus = 2\n1");
    }
}
