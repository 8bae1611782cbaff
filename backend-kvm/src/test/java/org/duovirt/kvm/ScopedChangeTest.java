package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.model.PinScope;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.Domain;

/**
 * A change of both scopes (issue 13, "partial failures say what happened"): the saved configuration first, then
 * the running VM; when the live step fails after the saved one was made, the one sentence says both. On libvirt's
 * test driver (its running VM "test", left as it was). A live change of a stopped VM: HardeningCliIT.
 */
class ScopedChangeTest {
    @Test
    void aLiveStepThatFailsAfterTheSavedOneSaysBoth() throws Exception {
        Connect c = new Connect("test:///default");
        Domain d = c.domainLookupByName("test");
        List<Integer> applied = new ArrayList<>();
        assertThatThrownBy(() -> ScopedChange.apply(d, "test", EnumSet.of(PinScope.CONFIG, PinScope.LIVE), "the pinning of vCPU 0", (dom, flags) -> {
            if ((flags & LibvirtNative.VIR_DOMAIN_AFFECT_LIVE) != 0) {
                throw new DuovirtException("the host refused CPU 9.", (String) null);
            }
            applied.add(flags);
        })).isInstanceOf(DuovirtException.class)
                .hasMessage("The saved configuration of VM 'test' now has the new pinning of vCPU 0, but the change to the running VM failed: "
                        + "the host refused CPU 9.");
        assertThat(applied).containsExactly(LibvirtNative.VIR_DOMAIN_AFFECT_CONFIG);
        c.close();
    }
}
