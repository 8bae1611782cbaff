package org.duovirt.xen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmState;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Specs the host cannot satisfy fail with one clear sentence and leave nothing behind: no config, no disk
 * image, no half-built domain.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class XenImpossibleSpecIT {
    private static final String IMAGES = "/var/lib/xen/duovirt/images";

    @Test
    void aKernelThatDoesNotExistIsRefusedAndLeavesNothing() {
        String name = "dvit-nokernel-" + ProcessHandle.current().pid();
        VmSpec spec = new VmSpec(name, 64, 1, new VmSpec.Storage.NewDisk(0.0625, null),
                new VmSpec.Boot.Kernel("/root/guest/no-such-vmlinuz", "/root/guest/initrd.gz", "console=hvc0"),
                null, VirtMode.PV, null, List.of(), null);
        DuovirtException e = assertThrows(DuovirtException.class, () -> XenTestHost.connection().create(spec, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("/root/guest/no-such-vmlinuz"), "names the missing file: " + e.getMessage());
        assertNothingLeft(name);
    }

    @Test
    void memoryBeyondTheHostFailsCleanly() {
        HostConnection host = XenTestHost.connection();
        long tooMuchMiB = host.hostInfo().totalMemoryKiB() / 1024 * 4;
        String name = "dvit-hugemem-" + ProcessHandle.current().pid();
        VmSpec spec = new VmSpec(name, tooMuchMiB, 1, new VmSpec.Storage.NewDisk(0.0625, null),
                new VmSpec.Boot.Kernel("/root/guest/vmlinuz", "/root/guest/initrd.gz", "console=hvc0"),
                null, VirtMode.PV, null, List.of(), null);
        try {
            host.create(spec, ProgressListener.NONE);
        } catch (DuovirtException refused) {
            // Refused at create: the best outcome.
            assertOneSentence(refused);
            assertNothingLeft(name);
            return;
        }
        // xl has no stopped VMs, so the host may only find out at start: then start must fail and leave it off.
        try {
            DuovirtException e = assertThrows(DuovirtException.class, () -> host.start(name));
            assertOneSentence(e);
            assertEquals(VmState.SHUTOFF, host.listVms(true).stream().filter(v -> v.name().equals(name)).findFirst()
                    .orElseThrow().state(), "no half-built domain stays");
            assertFalse(XenTestHost.shell().check("xl", "list").contains(name), "xl lists no domain " + name);
        } finally {
            host.delete(name, true);
        }
        assertNothingLeft(name);
    }

    private static void assertOneSentence(DuovirtException e) {
        assertFalse(e.getMessage().isBlank());
        assertFalse(e.getMessage().contains("\n"), "one sentence, raw output goes to details: " + e.getMessage());
    }

    /** Other clients may use the same host at the same time: look only for files named after this VM. */
    private static void assertNothingLeft(String name) {
        assertTrue(XenTestHost.connection().listVms(true).stream().noneMatch(v -> v.name().equals(name)), name + " is not listed");
        assertFalse(XenTestHost.shell().check("xl", "list").contains(name), "no domain " + name);
        String left = XenTestHost.shell().check("sh", "-c", "ls -d /etc/xen/duovirt/\"$1\"* " + IMAGES + "/\"$1\"* 2>/dev/null; true",
                "sh", name).strip();
        assertEquals("", left, "no config or image left behind");
    }
}
