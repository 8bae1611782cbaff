package org.duovirt.core.model;

import java.util.ArrayList;
import java.util.List;

/** What is wrong with a {@link NetworkSpec}, every problem at once, before a host sees it. */
public final class NetworkSpecValidator {
    private NetworkSpecValidator() {
    }

    /** @return one sentence per problem; empty when the spec can be sent */
    public static List<String> problems(NetworkSpec spec) {
        List<String> problems = new ArrayList<>();
        String name = spec.name();
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,14}")) {
            // The name becomes part of the bridge (virbrN) and dnsmasq's files: keep it short and plain.
            problems.add("'" + DeviceInputs.printable(name) + "' cannot name a network; use up to 15 letters, digits, '.', '_' or '-'.");
        }
        if (spec.mode() == null) {
            problems.add("Choose how the network reaches outside: nat, isolated or routed.");
        }
        long address = ipv4(spec.address());
        if (address < 0) {
            problems.add("'" + DeviceInputs.printable(spec.address()) + "' is not an IPv4 address like 192.168.150.1.");
        }
        if (spec.prefix() < 8 || spec.prefix() > 30) {
            problems.add("The prefix must be 8–30; " + spec.prefix() + " was asked for.");
        }
        boolean dhcp = spec.dhcpStart() != null || spec.dhcpEnd() != null;
        if (dhcp && address >= 0 && spec.prefix() >= 8 && spec.prefix() <= 30) {
            long start = ipv4(spec.dhcpStart());
            long end = ipv4(spec.dhcpEnd());
            long mask = (0xFFFFFFFFL << (32 - spec.prefix())) & 0xFFFFFFFFL;
            if (start < 0 || end < 0) {
                problems.add("The DHCP range needs a first and a last IPv4 address.");
            } else if ((start & mask) != (address & mask) || (end & mask) != (address & mask)) {
                problems.add("The DHCP range " + spec.dhcpStart() + " - " + spec.dhcpEnd() + " is not inside "
                        + spec.address() + "/" + spec.prefix() + ".");
            } else if (start > end) {
                problems.add("The DHCP range starts after it ends.");
            } else if (address >= start && address <= end) {
                problems.add("The DHCP range must not hold the host's own address " + spec.address() + ".");
            }
        }
        return problems;
    }

    /** The address as an unsigned 32-bit number, or -1 when it is not a dotted IPv4 address. */
    static long ipv4(String text) {
        if (text == null || !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return -1;
        }
        long out = 0;
        for (String part : text.split("\\.")) {
            int v = Integer.parseInt(part);
            if (v > 255) {
                return -1;
            }
            out = out << 8 | v;
        }
        return out;
    }
}
