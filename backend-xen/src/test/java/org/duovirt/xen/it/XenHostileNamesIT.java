package org.duovirt.xen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.model.VirtMode;
import org.duovirt.core.model.VmSpec;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.HostConnection;
import org.duovirt.core.spi.ProgressListener;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names a user might type, and names an attacker might: on a real Xen host each one either works exactly
 * (listed under the same name, its config in place, deleted cleanly, no command injected) or is refused
 * with a clear {@link InvalidSpecException} that leaves nothing behind.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class XenHostileNamesIT {
    /** Where an injected {@code touch dvit-injected} would land: the remote shell runs in root's home. */
    private static final String MARK = "/root/dvit-injected";

    @ParameterizedTest
    @ValueSource(strings = {"dvit-quote-'-\"-x", "dvit-xml-<&>-x", "dvit-$(touch dvit-injected)",
            "dvit-`touch dvit-injected`", "dvit-semi;touch dvit-injected", "dvit-'; touch dvit-injected; '",
            "dvit-ünïcødé-名前", "dvit-new\nline", "dvit-back\\slash", "dvit-space name", "12345"})
    void aHostileNameWorksOrIsRefusedCleanly(String name) {
        HostConnection host = XenTestHost.connection();
        Dom0Shell dom0 = XenTestHost.shell();
        VmSpec spec = new VmSpec(name, 64, 1, null,
                new VmSpec.Boot.Kernel("/root/guest/vmlinuz", "/root/guest/initrd.gz", "console=hvc0"),
                null, VirtMode.PV, null, List.of(), null);
        String before = ownConfigs(dom0);
        try {
            VmSummary created = host.create(spec, ProgressListener.NONE);
            assertEquals(name, created.name());
            VmSummary listed = host.listVms(true).stream().filter(v -> v.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("'" + name + "' is not listed under its own name"));
            assertEquals(VmState.SHUTOFF, listed.state());
            assertTrue(host.definition(name).contains("name = "), "its config reads back");
            host.delete(name, true);
            assertTrue(host.listVms(true).stream().noneMatch(v -> v.name().equals(name)), "deleted");
        } catch (InvalidSpecException refused) {
            assertFalse(refused.getMessage().isBlank());
            assertTrue(refused.getMessage().endsWith("."), "one sentence: " + refused.getMessage());
            assertTrue(host.listVms(true).stream().noneMatch(v -> v.name().equals(name)), "nothing was created");
        } catch (DuovirtException other) {
            throw new AssertionError("'" + name + "' neither worked nor was refused as an invalid spec: " + other.userMessage()
                    + "\n" + other.details(), other);
        } finally {
            assertFalse(dom0.exists(MARK), "no command was injected into dom0 by '" + name + "'");
        }
        assertEquals(before, ownConfigs(dom0), "no config left behind for '" + name + "'");
    }

    /** The configs of this test's VMs (other clients may use the same host at the same time). */
    private static String ownConfigs(Dom0Shell dom0) {
        return dom0.check("sh", "-c", "ls -A /etc/xen/duovirt 2>/dev/null | grep -e '^dvit-' -e '^12345' ; true");
    }
}
