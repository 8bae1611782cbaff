package org.duovirt.xen.parse;

import org.duovirt.core.model.VmState;

/**
 * One domain line of {@code xl list} (with {@code -v}: the UUID; with {@code -c}: the cpupool).
 *
 * @param uuid  null without {@code -v}
 * @param pool  null without {@code -c}
 */
public record XlDomainRow(String name, int domid, long memoryMiB, int vcpus, String stateLetters, VmState state,
                          double cpuSeconds, String uuid, String pool) {
}
