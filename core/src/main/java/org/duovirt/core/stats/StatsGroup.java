package org.duovirt.core.stats;

/**
 * Groups of statistics a sample may ask for. Each group can cost a round trip per VM on some
 * hypervisors (libvirt asks every QEMU monitor for CPU, balloon, vCPU and block), so callers ask
 * only for what is on screen.
 */
public enum StatsGroup {
    CPU, VCPU, MEMORY, BLOCK, NET
}
