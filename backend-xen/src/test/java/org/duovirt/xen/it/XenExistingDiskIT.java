package org.duovirt.xen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.SpecField;
import org.duovirt.core.model.SpecProblem;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmSpecBuilder;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An existing image as a new Xen VM's disk, on the real Xen test host: the dry run refuses a disk or a MAC another
 * domain uses, naming it — a running domain Duovirt did not create (seen through {@code xl list -l}) and an owned VM
 * that is off — with the path typed through a symlink or {@code ..}; a missing file is refused; a cancelled creation
 * and a delete with storage keep the disk that existed before.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class XenExistingDiskIT {
    private static final String PREFIX = "wizxen-ed-" + ProcessHandle.current().pid() + "-";
    private static final String IMAGES = "/var/lib/xen/duovirt/images";
    private static final String SHARED = IMAGES + "/" + PREFIX + "shared.img";
    private static final String FREE = IMAGES + "/" + PREFIX + "free.img";
    private static final String LINK = "/root/" + PREFIX + "link.img";
    private static final String FOREIGN = PREFIX + "foreign";
    private static final String FOREIGN_CFG = "/root/" + PREFIX + "foreign.cfg";
    private static final String FOREIGN_MAC = "00:16:3e:4a:11:22";

    @BeforeAll
    static void images() {
        Dom0Shell sh = XenTestHost.shell();
        sh.check("mkdir", "-p", "-m", "0700", IMAGES);
        sh.check("truncate", "-s", "32M", SHARED);
        sh.check("truncate", "-s", "32M", FREE);
        sh.check("ln", "-sf", SHARED, LINK);
        // A domain Duovirt did not create (no owned cfg), running with the shared disk and a MAC of its own.
        sh.check("sh", "-c", "printf '%s\\n' \"$@\" > " + FOREIGN_CFG, "sh", "name = '" + FOREIGN + "'", "type = 'pv'",
                "memory = 96", "kernel = '/root/guest/vmlinuz'", "ramdisk = '/root/guest/initrd.gz'", "extra = 'console=hvc0'",
                "disk = [ 'format=raw,vdev=xvda,access=rw,target=" + SHARED + "' ]",
                "vif = [ 'bridge=xenbr0,mac=" + FOREIGN_MAC + "' ]");
        sh.check("xl", "create", FOREIGN_CFG);
    }

    @AfterAll
    static void tidy() {
        Dom0Shell sh = XenTestHost.shell();
        sh.run("xl", "destroy", FOREIGN);
        HostConnection host = XenTestHost.connection();
        host.listVms(true).stream().filter(v -> v.name().startsWith(PREFIX)).filter(v -> !v.name().equals(FOREIGN))
                .forEach(v -> host.delete(v.name(), true));
        sh.run("sh", "-c", "rm -f -- \"$@\"", "sh", SHARED, FREE, LINK, FOREIGN_CFG);
    }

    private static VmSpecBuilder spec(String name, String disk) {
        return new VmSpecBuilder().name(name).memoryMiB(64).vcpus(1).mode("pv").importDisk(disk)
                .kernel("/root/guest/vmlinuz", "/root/guest/initrd.gz", "console=hvc0");
    }

    private static List<String> storageProblems(VmSpec spec) {
        return XenTestHost.connection().check(spec).stream().filter(p -> p.field() == SpecField.STORAGE).map(SpecProblem::message).toList();
    }

    @Test
    void aDiskARunningForeignDomainUsesIsRefusedNamingItThroughASymlinkAndDotDot() {
        assertThat(storageProblems(spec(PREFIX + "b", LINK).build())).singleElement().asString()
                .matches(onHost("The disk '" + LINK + "' is already used by VM '" + FOREIGN + "' on HOST; choose another or copy it."));
        assertThat(storageProblems(spec(PREFIX + "b", IMAGES + "/../images/" + PREFIX + "shared.img").build())).singleElement()
                .asString().contains("'" + FOREIGN + "'");
        assertThat(storageProblems(spec(PREFIX + "b", FREE).build())).isEmpty();
    }

    @Test
    void aMissingFileIsRefused() {
        String missing = IMAGES + "/" + PREFIX + "no-such.img";
        assertThat(storageProblems(spec(PREFIX + "m", missing).build())).singleElement().asString()
                .matches(onHost("The disk image '" + missing + "' does not exist on HOST, or is not a file."));
    }

    @Test
    void aMacAnotherDomainUsesIsRefusedNamingIt() {
        HostConnection host = XenTestHost.connection();
        VmSpec taken = spec(PREFIX + "mac", FREE).network("xenbr0").nic(null, FOREIGN_MAC.toUpperCase()).build();
        assertThat(host.check(taken)).extracting(SpecProblem::message).singleElement().asString().matches(onHost("The MAC address "
                + FOREIGN_MAC + " is already used by VM '" + FOREIGN + "' on HOST; give another or leave it empty to have one generated."));
        assertThat(host.check(spec(PREFIX + "mac", FREE).network("xenbr0").nic(null, "00:16:3e:4a:11:23").build())).isEmpty();
    }

    @Test
    void anOwnedVmThatIsOffHoldsItsDiskAndMacAndNeitherCancelNorDeleteRemovesTheDisk() {
        HostConnection host = XenTestHost.connection();
        Dom0Shell sh = XenTestHost.shell();
        String a = PREFIX + "a";
        String mac = "00:16:3e:4a:33:44";
        // A cancelled creation (after the cfg was written and checked) removes the cfg, never the disk it was given.
        // A cancel once xl has checked the written cfg: the creation's last undo step runs with the cfg in place.
        ProgressListener cancelled = new ProgressListener() {
            private volatile boolean checked;

            @Override
            public void progress(String step, double fraction) {
                checked |= step.startsWith("Checking the config with xl");
            }

            @Override
            public boolean isCancelled() {
                return checked;
            }
        };
        assertThatThrownBy(() -> host.create(spec(a, FREE).network("xenbr0").nic(null, mac).build(), cancelled))
                .isInstanceOf(DuovirtException.class).hasMessageContaining("cancelled");
        assertThat(sh.exists("/etc/xen/duovirt/" + a + ".cfg")).isFalse();
        assertThat(sh.exists(FREE)).as("the existing disk survives a failed creation").isTrue();

        host.create(spec(a, FREE).network("xenbr0").nic(null, mac).build(), ProgressListener.NONE);
        assertThat(sh.check("cat", "/etc/xen/duovirt/" + a + ".cfg")).contains("target=" + FREE).contains("format=raw");
        assertThat(storageProblems(spec(PREFIX + "c", FREE).build())).singleElement().asString().contains("'" + a + "'");
        assertThat(host.check(spec(PREFIX + "c", null).network("xenbr0").nic(null, mac).build()))
                .extracting(SpecProblem::message).anyMatch(m -> m.contains(mac) && m.contains("'" + a + "'"));
        assertThat(host.volumes(IMAGES)).filteredOn(v -> v.path().equals(FREE)).singleElement()
                .satisfies(v -> assertThat(v.usedBy()).containsExactly(a));
        assertThat(host.volumes(IMAGES)).filteredOn(v -> v.path().equals(SHARED)).singleElement()
                .satisfies(v -> assertThat(v.usedBy()).containsExactly(FOREIGN));
        assertThat(host.storage(a)).singleElement().satisfies(item -> assertThat(item.owned()).isFalse());

        host.delete(a, true);
        assertThat(sh.exists("/etc/xen/duovirt/" + a + ".cfg")).isFalse();
        assertThat(sh.exists(FREE)).as("delete with storage keeps a disk that existed before").isTrue();
    }

    /** The sentence's text with the host's label (whatever the transport calls it) standing for "on HOST". */
    private static String onHost(String sentence) {
        return "\\Q" + sentence.replace("HOST", "\\E.+\\Q") + "\\E";
    }
}
