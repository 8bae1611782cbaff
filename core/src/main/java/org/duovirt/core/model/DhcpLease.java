package org.duovirt.core.model;

import java.time.Instant;

/** An address a virtual network's DHCP server handed out. {@code hostname} may be null. */
public record DhcpLease(String network, String mac, String address, String hostname, Instant expires) {
}
