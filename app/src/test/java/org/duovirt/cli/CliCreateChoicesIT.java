package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.duovirt.core.testing.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code duovirt create}'s disk choices on the real libvirtd: {@code --disk-format raw} makes a raw volume,
 * {@code --import} of a volume another VM uses is refused by the dry run naming that VM, and delete keeps it;
 * {@code --cpu-model} is checked against the host's domain capabilities (host-passthrough refused under TCG);
 * {@code --pxe} boots from a network with DHCP and is refused on one without.
 */
class CliCreateChoicesIT {
    private static final String URI = "qemu:///system";
    private static final String PREFIX = "wizard2-cli-" + ProcessHandle.current().pid();
    private static final CliAgainst CLI = new CliAgainst(URI);

    @BeforeAll
    @AfterAll
    static void tidy() {
        for (String vm : List.of(PREFIX + "-raw", PREFIX + "-imp", PREFIX + "-def")) {
            CliRun.of("delete", vm, "--storage", "-c", URI);
        }
        Commands.run(List.of("virsh", "-c", URI, "vol-delete", "--pool", "default", PREFIX + "-vol.qcow2"), Duration.ofSeconds(60));
    }

    private static String virsh(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("virsh", "-c", URI));
        command.addAll(List.of(args));
        return Commands.ok(command, Duration.ofSeconds(60));
    }

    @Test
    void diskFormatRawMakesARawVolume() {
        CliRun preview = CLI.ok("create", "--name", PREFIX + "-raw", "--memory", "64", "--virt-type", "qemu", "--disk", "0.02",
                "--disk-format", "raw", "--dry-run");
        assertThat(preview.out()).contains("<driver name=\"qemu\" type=\"raw\"/>").contains(PREFIX + "-raw.raw");
        CliRun bad = CLI.fails("create", "--name", PREFIX + "-raw", "--memory", "64", "--disk", "0.02", "--disk-format", "vmdk", "--dry-run");
        assertThat(bad.err()).contains("The disk format 'vmdk' is not one Duovirt makes; use qcow2 or raw.");
        CLI.ok("create", "--name", PREFIX + "-raw", "--memory", "64", "--virt-type", "qemu", "--disk", "0.02", "--disk-format", "raw");
        assertThat(virsh("dumpxml", PREFIX + "-raw")).contains("<driver name='qemu' type='raw'/>");
        CLI.ok("delete", PREFIX + "-raw", "--storage");
        assertThat(virsh("vol-list", "default")).doesNotContain(PREFIX + "-raw");
    }

    @Test
    void importingAVolumeAnotherVmUsesIsRefusedNamingIt() {
        virsh("vol-create-as", "default", PREFIX + "-vol.qcow2", "16M", "--format", "qcow2");
        String path = virsh("vol-path", "--pool", "default", PREFIX + "-vol.qcow2").strip();
        CLI.ok("create", "--name", PREFIX + "-imp", "--memory", "64", "--virt-type", "qemu", "--import", path);
        CliRun taken = CLI.fails("create", "--name", PREFIX + "-imp2", "--memory", "64", "--virt-type", "qemu", "--import", path, "--dry-run");
        assertThat(taken.err()).contains("The disk '" + path + "' is already used by VM '" + PREFIX + "-imp'");
        CLI.ok("delete", PREFIX + "-imp", "--storage");
        assertThat(virsh("vol-list", "default")).as("an imported volume is never deleted with the VM").contains(PREFIX + "-vol.qcow2");
    }

    @Test
    void cpuModelIsCheckedAgainstTheHostsDomainCapabilities() {
        CliRun passthrough = CLI.fails("create", "--name", PREFIX + "-cpu", "--memory", "64", "--virt-type", "qemu",
                "--cpu-model", "host-passthrough", "--dry-run");
        assertThat(passthrough.err()).contains("host-passthrough needs hardware virtualization (KVM)");
        CliRun unknown = CLI.fails("create", "--name", PREFIX + "-cpu", "--memory", "64", "--virt-type", "qemu", "--cpu-model", "pentium9000",
                "--dry-run");
        assertThat(unknown.err()).contains("There is no CPU model 'pentium9000' for qemu guests on qemu:///system");
        CliRun named = CLI.ok("create", "--name", PREFIX + "-cpu", "--memory", "64", "--virt-type", "qemu", "--cpu-model", "qemu64",
                "--dry-run");
        assertThat(named.out()).contains("<cpu mode=\"custom\" match=\"exact\">").contains("<model fallback=\"forbid\">qemu64</model>");
        CliRun hostModel = CLI.ok("create", "--name", PREFIX + "-cpu", "--memory", "64", "--virt-type", "qemu", "--cpu-model", "host-model",
                "--dry-run");
        assertThat(hostModel.out()).contains("<cpu mode=\"host-model\"/>");
    }

    @Test
    void pxeBootsFromANetworkWithDhcpOnly() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("wizard2-cli");
        String dhcp = PREFIX + "-dhcp";
        String bare = PREFIX + "-bare";
        java.nio.file.Path a = java.nio.file.Files.writeString(dir.resolve("a.xml"), "<network><name>" + dhcp + "</name><bridge name='wiz2cli0'/>"
                + "<ip address='192.168.232.1' netmask='255.255.255.0'><dhcp><range start='192.168.232.100' end='192.168.232.110'/></dhcp></ip></network>");
        java.nio.file.Path b = java.nio.file.Files.writeString(dir.resolve("b.xml"), "<network><name>" + bare + "</name><bridge name='wiz2cli1'/></network>");
        virsh("net-create", a.toString());
        virsh("net-create", b.toString());
        try {
            CliRun ok = CLI.ok("create", "--name", PREFIX + "-pxe", "--memory", "64", "--virt-type", "qemu", "--pxe", "--network", dhcp, "--dry-run");
            assertThat(ok.out()).contains("<boot dev=\"network\"/>").contains("<source network=\"" + dhcp + "\"/>");
            CliRun noDhcp = CLI.fails("create", "--name", PREFIX + "-pxe", "--memory", "64", "--virt-type", "qemu", "--pxe", "--network", bare,
                    "--dry-run");
            assertThat(noDhcp.err()).contains("The network '" + bare + "' on qemu:///system hands out no addresses (no DHCP)");
            CliRun none = CLI.fails("create", "--name", PREFIX + "-pxe", "--memory", "64", "--pxe", "--dry-run");
            assertThat(none.err()).contains("Network boot (PXE) needs a network with DHCP for the VM's NIC.");
        } finally {
            Commands.run(List.of("virsh", "-c", URI, "net-destroy", dhcp), Duration.ofSeconds(60));
            Commands.run(List.of("virsh", "-c", URI, "net-destroy", bare), Duration.ofSeconds(60));
        }
    }

    @Test
    void anEditedDefinitionIsDefinedAfterLibvirtValidatedItAndARefusedOneLeavesNothing() throws Exception {
        String vm = PREFIX + "-def";
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("wizard2-def");
        String generated = CLI.ok("create", "--name", vm, "--memory", "64", "--virt-type", "qemu", "--disk", "0.02", "--dry-run").out();
        // Schema-valid but refused by libvirt itself: two disks on the same target.
        String disk = generated.replaceAll("(?s).*(<disk type=\"file\" device=\"disk\">.*?</disk>).*", "$1");
        java.nio.file.Path twice = java.nio.file.Files.writeString(dir.resolve("twice.xml"), generated.replace(disk, disk + disk));
        CliRun refused = CLI.fails("create", "--name", vm, "--memory", "64", "--virt-type", "qemu", "--disk", "0.02", "--definition",
                twice.toString());
        assertThat(refused.err()).contains("vda").contains("nothing was kept");
        assertThat(virsh("list", "--all", "--name")).doesNotContain(vm);
        assertThat(virsh("vol-list", "default")).as("the disk made for it is removed again").doesNotContain(vm);
        java.nio.file.Path bogus = java.nio.file.Files.writeString(dir.resolve("bogus.xml"), generated.replace("<on_crash>", "<bogus/><on_crash>"));
        CliRun schema = CLI.fails("create", "--name", vm, "--memory", "64", "--virt-type", "qemu", "--disk", "0.02", "--definition",
                bogus.toString(), "--dry-run");
        assertThat(schema.err()).contains("The edited definition cannot be used: libvirt's schema refuses it: line ");
        java.nio.file.Path good = java.nio.file.Files.writeString(dir.resolve("good.xml"), generated.replace("</name>", "</name><title>wizard2 edit</title>"));
        CLI.ok("create", "--name", vm, "--memory", "64", "--virt-type", "qemu", "--disk", "0.02", "--definition", good.toString());
        assertThat(virsh("dumpxml", vm)).contains("<title>wizard2 edit</title>");
        CLI.ok("delete", vm, "--storage");
        assertThat(virsh("vol-list", "default")).doesNotContain(vm);
    }
}
