package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.duovirt.core.testing.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code duovirt pool-create / pool-stop / pool-start / pool-autostart / pool-delete} on the real libvirtd, checked
 * with virsh: a dir pool under a kvmpools- temp dir below /var/lib/libvirt/images, {@code pools} showing its state
 * and autostart (table and JSON), a volume in it, delete refused while a shut-off guest uses the volume and done
 * with --yes, --delete-target removing the emptied directory; bad input refused in one line.
 */
class CliPoolIT {
    private static final String URI = "qemu:///system";
    private static final String PREFIX = "kvmpools-cli-";
    private static final String POOL = PREFIX + ProcessHandle.current().pid();
    private static final String VM = PREFIX + "vm-" + ProcessHandle.current().pid();
    private static final CliAgainst CLI = new CliAgainst(URI);
    private static Path base;

    @BeforeAll
    static void dir() throws Exception {
        base = Files.createTempDirectory(Path.of("/var/lib/libvirt/images"), PREFIX);
    }

    @AfterAll
    static void tidy() throws Exception {
        Commands.virshQuietly(URI, "undefine", VM);
        Commands.virshQuietly(URI, "pool-destroy", POOL);
        Commands.virshQuietly(URI, "pool-undefine", POOL);
        try (var walk = Files.walk(base)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String virsh(String... args) {
        return Commands.virsh(URI, args);
    }

    private static JsonNode pool(String name) throws Exception {
        for (JsonNode p : CLI.json("pools")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void aPoolIsCreatedControlledAndDeletedLikeVirshDoesIt() throws Exception {
        Path target = base.resolve("images $(x) 'q'");
        CliRun created = CLI.ok("pool-create", POOL, "--type", "dir", "--target", target.toString(), "--build", "--start", "--autostart");
        assertThat(created.out()).contains("Storage pool '" + POOL + "' created (dir, " + target + ", active, autostart yes).");
        assertThat(virsh("pool-info", POOL)).containsPattern("State:\\s+running").containsPattern("Autostart:\\s+yes");
        assertThat(Files.isDirectory(target)).isTrue();
        assertThat(CLI.ok("pools").out()).containsPattern(POOL + "\\s+dir\\s+active\\s+yes");
        assertThat(CLI.ok("pool-types").out()).containsPattern("netfs\\s+yes");

        CLI.ok("pool-stop", POOL);
        assertThat(pool(POOL).get("active").asBoolean()).isFalse();
        assertThat(virsh("pool-info", POOL)).containsPattern("State:\\s+inactive");
        CLI.ok("pool-start", POOL);
        CLI.ok("pool-autostart", POOL, "--disable");
        assertThat(virsh("pool-info", POOL)).containsPattern("State:\\s+running").containsPattern("Autostart:\\s+no");
        assertThat(pool(POOL).get("autostart").asBoolean()).isFalse();
        CLI.ok("pool-autostart", POOL);
        assertThat(virsh("pool-info", POOL)).containsPattern("Autostart:\\s+yes");

        CLI.ok("vol-create", POOL, "disk.qcow2", "1M");
        defineGuestUsing(target.resolve("disk.qcow2"));
        assertThat(CLI.fails("pool-delete", POOL).err())
                .contains("Storage pool '" + POOL + "' holds disks of VM '" + VM + "'; it was not deleted.");
        assertThat(CLI.fails("pool-delete", POOL, "--delete-target", "--yes").err()).contains("still holds disk.qcow2");
        assertThat(virsh("pool-list", "--all", "--name")).contains(POOL);

        CLI.ok("vol-delete", POOL, "disk.qcow2", "--force");
        assertThat(CLI.json("pool-delete", POOL, "--delete-target", "--yes").get("result").asText())
                .isEqualTo("deleted with its target directory");
        assertThat(virsh("pool-list", "--all", "--name")).doesNotContain(POOL);
        assertThat(Files.exists(target)).isFalse();
    }

    @Test
    void badInputIsRefusedInOneLineAndDefinesNothing() throws Exception {
        String name = POOL + "-bad";
        assertThat(CLI.fails("pool-create", name, "--target", "relative").err()).contains("is relative");
        assertThat(CLI.fails("pool-create", "default", "--target", base.resolve("d").toString()).err())
                .contains("A storage pool named 'default' already exists");
        Path file = Files.writeString(base.resolve("plain file"), "x");
        assertThat(CLI.fails("pool-create", name, "--target", file.toString()).err()).contains("exists and is not a directory");
        assertThat(CLI.fails("pool-create", name, "--type", "rbd", "--target", "/x").err()).contains("not one of dir, fs, logical, netfs");
        assertThat(CLI.fails("pool-create", name, "--type", "netfs", "--target", base.resolve("n").toString(),
                "--source-host", "nas;reboot", "--source-path", "/export").err()).contains("is not a host name");
        assertThat(CLI.fails("pool-start", PREFIX + "absent").err()).contains("There is no storage pool '" + PREFIX + "absent'");
        assertThat(virsh("pool-list", "--all", "--name")).doesNotContain(name);
    }

    /** A shut-off guest whose only disk is the pool's volume, written with the StAX writer like the product's XML. */
    private static void defineGuestUsing(Path disk) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        javax.xml.stream.XMLStreamWriter x = javax.xml.stream.XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        x.writeStartElement("domain");
        x.writeAttribute("type", "qemu");
        x.writeStartElement("name");
        x.writeCharacters(VM);
        x.writeEndElement();
        x.writeStartElement("memory");
        x.writeAttribute("unit", "KiB");
        x.writeCharacters("65536");
        x.writeEndElement();
        x.writeStartElement("os");
        x.writeStartElement("type");
        x.writeAttribute("arch", "x86_64");
        x.writeAttribute("machine", "pc");
        x.writeCharacters("hvm");
        x.writeEndElement();
        x.writeEndElement();
        x.writeStartElement("devices");
        x.writeStartElement("disk");
        x.writeAttribute("type", "file");
        x.writeAttribute("device", "disk");
        x.writeEmptyElement("driver");
        x.writeAttribute("name", "qemu");
        x.writeAttribute("type", "qcow2");
        x.writeEmptyElement("source");
        x.writeAttribute("file", disk.toString());
        x.writeEmptyElement("target");
        x.writeAttribute("dev", "vda");
        x.writeAttribute("bus", "virtio");
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.flush();
        Path file = Files.writeString(base.resolve("vm.xml"), out.toString());
        virsh("define", file.toString());
    }
}
