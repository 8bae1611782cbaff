package org.duovirt.cli;

import java.util.List;
import org.duovirt.core.model.DhcpLease;
import org.duovirt.core.model.NetworkInfo;
import org.duovirt.core.model.NetworkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** networks, net-create, net-start, net-stop, net-delete, net-autostart, net-dhcp-leases. */
final class NetworkCommands {
    private NetworkCommands() {
    }

    @Command(name = "networks", description = "List virtual networks (Xen: dom0 bridges) and the VMs on each.")
    static final class Networks extends HostSubcommand {
        @Override
        void run() {
            List<NetworkInfo> networks = host().networkInfos();
            if (output().isJson()) {
                output().json(networks);
                return;
            }
            output().table(List.of("NAME", "STATE", "AUTOSTART", "MODE", "BRIDGE", "ADDRESS", "DHCP", "VMS"), networks.stream()
                    .map(n -> List.of(n.name(), n.active() ? "active" : "inactive", n.autostart() ? "yes" : "no", n.mode(),
                            java.util.Objects.toString(n.bridge(), "-"), java.util.Objects.toString(n.address(), "-"),
                            java.util.Objects.toString(n.dhcpRange(), "-"),
                            n.vms().isEmpty() ? "-" : String.join(",", n.vms()))).toList());
        }
    }

    @Command(name = "net-create", description = "Define and start a virtual network, e.g. "
            + "net-create lab --mode nat --address 192.168.150.1/24 --dhcp 192.168.150.100-192.168.150.200.")
    static final class Create extends HostSubcommand {
        @Parameters(paramLabel = "NAME")
        String name;
        @Option(names = "--mode", defaultValue = "nat", description = "nat, isolated or routed (default nat).")
        String mode;
        @Option(names = "--address", required = true, description = "The host's address with prefix, e.g. 192.168.150.1/24.")
        String address;
        @Option(names = "--dhcp", description = "FIRST-LAST addresses handed out by DHCP.")
        String dhcp;

        @Override
        void run() {
            String[] cidr = address.split("/", 2);
            int prefix;
            try {
                prefix = cidr.length == 2 ? Integer.parseInt(cidr[1]) : 24;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + address + "' is not ADDRESS/PREFIX like 192.168.150.1/24.");
            }
            String start = null;
            String end = null;
            if (dhcp != null) {
                String[] range = dhcp.split("-", 2);
                if (range.length != 2) {
                    throw new IllegalArgumentException("--dhcp takes FIRST-LAST, e.g. 192.168.150.100-192.168.150.200.");
                }
                start = range[0].strip();
                end = range[1].strip();
            }
            NetworkInfo n = host().createNetwork(new NetworkSpec(name, NetworkSpec.Mode.parse(mode), cidr[0], prefix, start, end));
            if (output().isJson()) {
                output().json(n);
            } else {
                output().line("Network '" + n.name() + "' created and started (" + n.mode() + ", bridge " + n.bridge() + ").");
            }
        }
    }

    abstract static class NetworkAction extends HostSubcommand {
        @Parameters(paramLabel = "NAME")
        String name;

        void done(String result) {
            StorageCommands.done(output(), name, result, "Network '" + name + "' " + result + ".");
        }
    }

    @Command(name = "net-start", description = "Start a network.")
    static final class Start extends NetworkAction {
        @Override
        void run() {
            host().startNetwork(name);
            done("started");
        }
    }

    @Command(name = "net-stop", aliases = "net-destroy", description = "Stop a network (its VMs lose their link).")
    static final class Stop extends NetworkAction {
        @Override
        void run() {
            host().stopNetwork(name);
            done("stopped");
        }
    }

    @Command(name = "net-delete", aliases = "net-undefine", description = "Stop and remove a network.")
    static final class Delete extends NetworkAction {
        @Override
        void run() {
            host().deleteNetwork(name);
            done("deleted");
        }
    }

    @Command(name = "net-autostart", description = "Start the network with the host (--disable: do not).")
    static final class Autostart extends NetworkAction {
        @Option(names = "--disable")
        boolean disable;

        @Override
        void run() {
            host().setNetworkAutostart(name, !disable);
            done(disable ? "will not autostart" : "will autostart");
        }
    }

    @Command(name = "net-dhcp-leases", description = "List the addresses a network's DHCP server handed out.")
    static final class Leases extends NetworkAction {
        @Override
        void run() {
            List<DhcpLease> leases = host().dhcpLeases(name);
            if (output().isJson()) {
                output().json(leases.stream().map(l -> java.util.Map.of("mac", l.mac(), "address", String.valueOf(l.address()),
                        "hostname", String.valueOf(l.hostname()), "expires", l.expires().toString())).toList());
                return;
            }
            output().table(List.of("MAC", "ADDRESS", "HOSTNAME", "EXPIRES"), leases.stream()
                    .map(l -> List.of(l.mac(), String.valueOf(l.address()), String.valueOf(l.hostname()), l.expires().toString())).toList());
        }
    }
}
