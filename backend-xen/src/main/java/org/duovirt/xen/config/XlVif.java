package org.duovirt.xen.config;

/** One {@code vif=} entry: {@code bridge=xenbr0[,mac=00:16:3e:…]}; mac may be null (xl picks one). */
public record XlVif(String bridge, String mac) {
}
