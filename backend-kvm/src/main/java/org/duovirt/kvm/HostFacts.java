package org.duovirt.kvm;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a local host says about itself that libvirt's node devices do not: which block devices hold the root file
 * system (by sysfs path) and which interface carries the default route. Remote hosts: unknown (null and empty), and
 * the guard then keeps every disk controller and NIC to be safe.
 *
 * @param rootDisks      sysfs paths of the devices the root file system lives on (through device-mapper slaves)
 * @param routeInterface the interface of the IPv4 default route, or null
 * @param known          whether these were read (a local host) or not (a remote one)
 */
record HostFacts(List<String> rootDisks, String routeInterface, boolean known) {
    static final HostFacts UNKNOWN = new HostFacts(List.of(), null, false);

    HostFacts {
        rootDisks = List.copyOf(rootDisks);
    }

    /** Reads this machine's /proc and /sys; what cannot be read stays unknown. */
    static HostFacts local() {
        return new HostFacts(rootDisks(read("/proc/self/mounts")), routeInterface(read("/proc/net/route")), true);
    }

    /** The source of the last mount of "/" (the one in effect), resolved to its sysfs block devices. */
    static List<String> rootDisks(List<String> mounts) {
        String source = null;
        for (String line : mounts) {
            String[] f = line.split(" ");
            if (f.length > 2 && f[1].equals("/") && f[0].startsWith("/dev/")) {
                source = f[0];
            }
        }
        List<String> out = new ArrayList<>();
        if (source == null) {
            return out;
        }
        try {
            Path block = Path.of("/sys/class/block", Path.of(source).toRealPath().getFileName().toString());
            Path slaves = block.resolve("slaves");
            if (Files.isDirectory(slaves)) {
                try (DirectoryStream<Path> each = Files.newDirectoryStream(slaves)) {
                    for (Path p : each) {
                        out.add(p.toRealPath().toString());
                    }
                }
            }
            out.add(block.toRealPath().toString());
        } catch (IOException | RuntimeException e) {
            // A root on something without a block device (overlay, nfs): no disk to keep.
        }
        return out;
    }

    /** /proc/net/route's default route (destination 00000000) interface. */
    static String routeInterface(List<String> route) {
        for (String line : route) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 2 && f[1].equals("00000000") && !f[0].equals("Iface")) {
                return f[0];
            }
        }
        return null;
    }

    private static List<String> read(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
