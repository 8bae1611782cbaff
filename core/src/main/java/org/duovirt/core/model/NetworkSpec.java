package org.duovirt.core.model;

import java.util.Locale;

/**
 * A new virtual network: a name, how it reaches the outside, the host's address on it and a DHCP range.
 * {@link NetworkSpecValidator} says what is wrong with one before any host sees it.
 *
 * @param address   the host's IPv4 address on the network, e.g. 192.168.150.1
 * @param prefix    the netmask length, 8–30
 * @param dhcpStart first address handed out, or null for no DHCP
 * @param dhcpEnd   last address handed out, or null for no DHCP
 */
public record NetworkSpec(String name, Mode mode, String address, int prefix, String dhcpStart, String dhcpEnd) {
    /** How guests on the network reach other networks. */
    public enum Mode {
        /** Guests reach out through the host's address (masquerading). */
        NAT,
        /** Guests reach only each other and the host. */
        ISOLATED,
        /** The host routes the network's addresses without translating them. */
        ROUTED;

        /** The word users and libvirt use: nat, isolated, route. */
        public String word() {
            return this == ROUTED ? "route" : name().toLowerCase(Locale.ROOT);
        }

        /** nat, isolated, route or routed, in any case. */
        public static Mode parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "nat" -> NAT;
                case "isolated", "none" -> ISOLATED;
                case "route", "routed" -> ROUTED;
                default -> throw new IllegalArgumentException("The network mode '" + text
                        + "' is not one of nat, isolated, routed.");
            };
        }
    }
}
