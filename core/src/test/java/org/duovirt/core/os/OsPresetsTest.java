package org.duovirt.core.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** osinfo-db files read with StAX, overrides in order, inheritance along derives-from, our newer releases. */
class OsPresetsTest {
    @TempDir
    Path dir;

    private Path os(Path db, String vendor, String file, String xml) throws Exception {
        Path f = db.resolve("os").resolve(vendor).resolve(file);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, "<?xml version=\"1.0\"?>\n<libosinfo version=\"0.0.1\">" + xml + "</libosinfo>");
    }

    @Test
    void readsResourcesAndInheritsWhatAChildLacks() throws Exception {
        Path sys = dir.resolve("sys");
        os(sys, "example.org", "base-1.xml", "<os id=\"http://example.org/base/1\"><short-id>base1</short-id><name>Base 1</name>"
                + "<name xml:lang=\"es\">Base uno</name><family>linux</family><version>1</version>"
                + "<resources arch=\"all\"><minimum><n-cpus>1</n-cpus><ram>536870912</ram></minimum>"
                + "<recommended><ram>2147483648</ram><n-cpus>2</n-cpus><storage>21474836480</storage></recommended></resources>"
                + "<resources arch=\"ppc64le\"><recommended><ram>999999999999</ram></recommended></resources>"
                + "<devices><device id=\"http://pcisig.com/pci/1af4/1041\"/></devices>"
                + "<variant id=\"x\"><name>Not this</name></variant></os>");
        os(sys, "example.org", "base-2.xml", "<os id=\"http://example.org/base/2\"><short-id>base2</short-id><name>Base 2</name>"
                + "<derives-from id=\"http://example.org/base/1\"/></os>");
        OsPresets presets = OsPresets.load(List.of(sys));
        OsPreset one = presets.find("base1").orElseThrow();
        assertThat(one.name()).isEqualTo("Base 1");
        assertThat(one.recommendedMiB()).isEqualTo(2048);
        assertThat(one.minimumMiB()).isEqualTo(512);
        assertThat(one.recommendedCpus()).isEqualTo(2);
        assertThat(one.recommendedGiB()).isEqualTo(20);
        assertThat(one.virtio()).isTrue();
        OsPreset two = presets.find("http://example.org/base/2").orElseThrow();
        assertThat(two.recommendedMiB()).isEqualTo(2048);
        assertThat(two.virtio()).isTrue();
        assertThat(two.family()).isEqualTo("linux");
    }

    @Test
    void aLaterDatabaseOverridesAndOurTableFillsNewerReleases() throws Exception {
        Path sys = dir.resolve("sys");
        Path user = dir.resolve("user");
        String xml = "<os id=\"http://example.org/base/1\"><short-id>base1</short-id><name>%s</name></os>";
        os(sys, "example.org", "base-1.xml", xml.formatted("System"));
        os(user, "example.org", "base-1.xml", xml.formatted("Mine"));
        OsPresets presets = OsPresets.load(List.of(sys, dir.resolve("missing"), user));
        assertThat(presets.find("base1").orElseThrow().name()).isEqualTo("Mine");
        assertThat(presets.find("debian12").orElseThrow().id()).isEqualTo("http://debian.org/debian/12");
        assertThat(presets.search("ubuntu 24")).extracting(OsPreset::shortId).containsExactly("ubuntu24.04");
    }

    @Test
    void searchFindsPresetsByVendorAndTheFirstUntranslatedVendorIsKeptAndInherited() throws Exception {
        Path sys = dir.resolve("sys");
        os(sys, "example.org", "acme-1.xml", "<os id=\"http://example.org/acme/1\"><short-id>acme1</short-id><name>Acme 1</name>"
                + "<vendor>Acme Widgets</vendor><vendor xml:lang=\"es\">Acme Artilugios</vendor></os>");
        os(sys, "example.org", "acme-2.xml", "<os id=\"http://example.org/acme/2\"><short-id>acme2</short-id><name>Acme 2</name>"
                + "<derives-from id=\"http://example.org/acme/1\"/></os>");
        OsPresets presets = OsPresets.load(List.of(sys));
        assertThat(presets.find("acme2").orElseThrow().vendor()).isEqualTo("Acme Widgets");
        assertThat(presets.search("widgets")).extracting(OsPreset::shortId).containsExactlyInAnyOrder("acme1", "acme2");
        assertThat(presets.search("widgets 2")).extracting(OsPreset::shortId).containsExactly("acme2");
        assertThat(presets.search("canonical 24.04")).extracting(OsPreset::shortId).containsExactly("ubuntu24.04");
        assertThat(presets.search("artilugios")).as("translations are not searched").isEmpty();
    }

    @Test
    void theSystemDatabaseOfThisMachineReadsWhenInstalled() {
        OsPresets presets = OsPresets.system();
        if (Files.isDirectory(Path.of("/usr/share/osinfo/os"))) {
            assertThat(presets.all().size()).isGreaterThan(300);
            OsPreset debian11 = presets.find("debian11").orElseThrow();
            assertThat(debian11.id()).isEqualTo("http://debian.org/debian/11");
            assertThat(debian11.recommendedMiB()).isEqualTo(1024);
            assertThat(debian11.virtio()).isTrue();
        }
        assertThat(presets.find("debian12")).isPresent();
    }
}
