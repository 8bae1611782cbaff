package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.junit.jupiter.api.Test;

/** The stats fallback's disk/NIC targets: read from the domain XML once, again after 30 s or for another VM. */
class DeviceTargetCacheTest {
    @Test
    void targetsAreReadOnceWithinTheTtlAndAgainAfterItOrForANewUuid() throws Exception {
        Connect c = new Connect("test:///default");
        try {
            Domain d = c.domainLookupByName("test");
            AtomicLong now = new AtomicLong(1_000);
            DeviceTargetCache cache = new DeviceTargetCache(now::get);
            DeviceTargetCache.Targets first = cache.of(d, "test", d.getUUIDString());
            // test:///default's "test" has one disk (vda) and one NIC (testnet0): as `virsh domblklist/domiflist test` list them.
            assertThat(first.disks()).containsExactly("vda");
            assertThat(first.nics()).containsExactly("testnet0");
            now.addAndGet(DeviceTargetCache.TTL_NANOS - 1);
            assertThat(cache.of(d, "test", d.getUUIDString())).isSameAs(first);
            assertThat(cache.of(d, "test", "another-uuid")).as("a VM defined again under the name").isNotSameAs(first);
            DeviceTargetCache.Targets again = cache.of(d, "test", d.getUUIDString());
            now.addAndGet(DeviceTargetCache.TTL_NANOS);
            assertThat(cache.of(d, "test", d.getUUIDString())).isNotSameAs(again).isEqualTo(again);
            d.free();
        } finally {
            c.close();
        }
    }
}
