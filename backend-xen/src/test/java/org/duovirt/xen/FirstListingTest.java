package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.duovirt.core.model.VmSummary;
import org.junit.jupiter.api.Test;

/** The listing read beside a new connection's check serves the first listing only while nothing else ran. */
class FirstListingTest {
    private static final String ONE_DOMAIN = "Name  ID   Mem VCPUs\tState\tTime(s)   UUID   Reason-Code\tSecurity Label\n"
            + "Domain-0   0  1024     4     r-----      95.3 00000000-0000-0000-0000-000000000000        -                -\n";

    private static Map<String, String> host() {
        Map<String, String> xl = new HashMap<>();
        xl.put("list -v", Golden.read("golden/xl-list-v.txt"));
        return xl;
    }

    /** A connection as XenBackend makes it: the check's domains (its xl list -v) and the configs read beside it. */
    private static XenConnection connectedWithFirstListing(Map<String, String> xl) throws InterruptedException {
        CapturedXlHost dom0 = new CapturedXlHost(xl);
        FirstListing first = FirstListing.start(dom0);
        first.domains(XenDomains.guests(Golden.read("golden/xl-list-v.txt")));
        XenConnection c = new XenConnection("xl:///", dom0, false, first);
        readsDone(first);
        return c;
    }

    private static void readsDone(FirstListing first) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!first.done()) {
            assertThat(System.nanoTime()).as("the reads at connect ended").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static java.util.List<String> names(XenConnection c) {
        return c.listVms(true).stream().map(VmSummary::name).sorted().toList();
    }

    @Test
    void theFirstListingIsTheOneReadAtConnectAndTheNextReadsDom0Again() throws Exception {
        Map<String, String> xl = host();
        XenConnection c = connectedWithFirstListing(xl);
        // What dom0 would say now: only Domain-0. The first listing still shows what was read at connect.
        xl.put("list -v", ONE_DOMAIN);
        assertThat(names(c)).containsExactly("5", "broken", "going", "paused-one", "web server");
        assertThat(names(c)).as("the second listing reads dom0").isEmpty();
        c.close();
    }

    @Test
    void aCommandBeforeTheFirstListingMakesItReadDom0Again() throws Exception {
        Map<String, String> xl = host();
        XenConnection c = connectedWithFirstListing(xl);
        xl.put("list -v", ONE_DOMAIN);
        // Anything run first (here the bridges' script; in the app, a removal of what a job left) may have changed dom0.
        c.networks();
        assertThat(names(c)).isEmpty();
        c.close();
    }
}
