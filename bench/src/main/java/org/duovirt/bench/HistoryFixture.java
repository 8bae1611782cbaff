package org.duovirt.bench;

import java.util.ArrayList;
import java.util.List;
import org.duovirt.core.stats.IoRates;
import org.duovirt.core.stats.VmRates;

/** One tick of rates for N VMs of the budget's shape: 2 vCPUs, one disk, one NIC, balloon stats reported. */
final class HistoryFixture {
    private HistoryFixture() {
    }

    static List<VmRates> tick(int vms, long tick) {
        List<VmRates> out = new ArrayList<>(vms);
        for (int i = 0; i < vms; i++) {
            double wave = (tick * 7 + i) % 100;
            out.add(new VmRates("vm-" + i, wave * 2, new double[] {wave, 100 - wave}, 700 + i % 50,
                    wave * 1e5, wave * 2e5, wave * 1e3, wave * 3e3, wave, wave * 2, wave * 10, wave * 20,
                    1024, 1024, List.of(new IoRates("vda", wave * 1e5, wave * 2e5, wave, wave * 2)),
                    List.of(new IoRates("vnet" + i, wave * 1e3, wave * 3e3, wave * 10, wave * 20)), 0));
        }
        return out;
    }
}
