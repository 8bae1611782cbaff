package org.duovirt.core.cloudinit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The NoCloud seed's files read back by a real YAML parser, and its ISO read back by xorriso. */
class NoCloudSeedTest {
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3jwP0Jv5vN9Jk0AhbLxyzs1Ez4bq9JdG7y0qO8a1bC";
    /** A key whose comment holds everything YAML and shells care about. */
    static final String HOSTILE_KEY = KEY + " \"quoted\" 'single' $(id) `x` #no-comment key: value & *a {b} [c] <x> \\ é 日本 \u00a0end";

    @TempDir
    Path dir;

    @Test
    void hostileValuesRoundTripThroughARealYamlParser() {
        CloudInitConfig config = new CloudInitConfig("wiz-host.example", "alice", "$6$salt$abc./XYZ", List.of(HOSTILE_KEY, KEY), null);
        assertThat(CloudInitRules.problems(config)).isEmpty();
        Map<String, byte[]> files = NoCloudSeed.files(config, "unused");
        Map<String, Object> user = yaml(files.get(NoCloudSeed.USER_DATA));
        assertThat(new String(files.get(NoCloudSeed.USER_DATA), StandardCharsets.UTF_8)).startsWith("#cloud-config\n");
        assertThat(user).containsEntry("hostname", "wiz-host.example");
        List<Object> users = (List<Object>) user.get("users");
        assertThat(users.get(0)).isEqualTo("default");
        Map<String, Object> alice = (Map<String, Object>) users.get(1);
        assertThat(alice).containsEntry("name", "alice").containsEntry("passwd", "$6$salt$abc./XYZ").containsEntry("lock_passwd", false);
        assertThat((List<String>) alice.get("ssh_authorized_keys")).containsExactly(HOSTILE_KEY, KEY);
        Map<String, Object> meta = yaml(files.get(NoCloudSeed.META_DATA));
        assertThat(meta).containsEntry("local-hostname", "wiz-host.example").containsOnlyKeys("instance-id", "local-hostname");
    }

    @Test
    void everyCharacterTheQuoterWritesReadsBackAsItself() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c < 0x3000; c++) {
            if (!Character.isSurrogate((char) c)) {
                all.appendCodePoint(c);
            }
        }
        all.append("\u2028\u2029\uFEFF\u202E\uD83D\uDE00 $(rm -rf /) \"\n---\n...\n: - ? ! % @ `");
        String value = all.toString();
        Map<String, Object> back = new Yaml(new SafeConstructor(new LoaderOptions())).load("v: " + YamlScalar.quote(value) + "\n");
        assertThat(back.get("v")).isEqualTo(value);
        assertThat(YamlScalar.quote(value)).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void withoutAUserTheImagesDefaultUserGetsTheKeysAndTheVmNameIsTheHostName() {
        Map<String, Object> user = yaml(NoCloudSeed.files(new CloudInitConfig(null, null, null, List.of(KEY), null), "wiz-vm").get("user-data"));
        assertThat(user).containsEntry("hostname", "wiz-vm").doesNotContainKey("users");
        assertThat((List<String>) user.get("ssh_authorized_keys")).containsExactly(KEY);
    }

    @Test
    void hostileInputThatCloudInitWouldMisreadIsRefusedInOneSentenceEach() {
        List<String> problems = CloudInitRules.problems(new CloudInitConfig("bad;host\nname", "Bob\n$(id)", "hunter2",
                List.of("ssh-ed25519 AAAA\nssh-rsa injected", "not a key"), "echo hi\n"));
        assertThat(problems).hasSize(6).allSatisfy(p -> assertThat(p).endsWith("."));
        assertThat(String.join(" ", problems)).doesNotContain("hunter2")
                .contains("host name 'bad;host\nname'").contains("user name 'Bob\n$(id)'")
                .contains("crypt(3) hash").contains("one line").contains("is not an OpenSSH public key").contains("#cloud-config");
        assertThat(CloudInitRules.problems(new CloudInitConfig("h", null, null, List.of(), null)))
                .containsExactly("Give an SSH public key, a password hash or a user-data file; otherwise nobody can log in to the VM.");
        assertThat(CloudInitRules.problems(new CloudInitConfig("h", null, "$6$s$h", List.of(), null)))
                .containsExactly("A password hash needs a user name to set it for.");
        assertThat(new CloudInitConfig("h", "u", "$6$secret$hash", List.of(), null).toString()).doesNotContain("secret");
    }

    @Test
    void aUserDataFileIsItsOwnMimePartAfterDuovirtsCloudConfig() {
        String theirs = "#!/bin/sh\necho \"--==duovirt-fake==\" > /root/x\n";
        String text = new String(NoCloudSeed.files(new CloudInitConfig("h", "alice", null, List.of(KEY), theirs), "vm")
                .get("user-data"), StandardCharsets.UTF_8);
        String boundary = text.lines().findFirst().orElseThrow().replaceAll(".*boundary=\"([^\"]+)\".*", "$1");
        String[] parts = text.split("--" + java.util.regex.Pattern.quote(boundary));
        assertThat(parts).hasSize(4);
        assertThat(parts[3]).isEqualTo("--\n");
        assertThat(parts[1]).contains("Content-Type: text/cloud-config");
        assertThat(yaml(body(parts[1]).getBytes(StandardCharsets.UTF_8))).containsKey("users");
        assertThat(parts[2]).contains("Content-Type: text/x-shellscript");
        assertThat(body(parts[2])).isEqualTo(theirs);
    }

    @Test
    void theSeedIsoIsLabelledCidataAndItsFilesReadBack() throws IOException {
        Map<String, byte[]> files = NoCloudSeed.files(new CloudInitConfig("wiz-iso", "alice", null, List.of(HOSTILE_KEY), null), "vm");
        Path iso = SeedIso.build(files);
        try {
            byte[] image = Files.readAllBytes(iso);
            // The primary volume descriptor is sector 16; its volume identifier is bytes 40-71, padded with spaces.
            assertThat(image[16 * 2048]).isEqualTo((byte) 1);
            assertThat(new String(image, 16 * 2048 + 1, 5, StandardCharsets.US_ASCII)).isEqualTo("CD001");
            assertThat(new String(image, 16 * 2048 + 40, 32, StandardCharsets.US_ASCII).strip()).isEqualTo("cidata");
            Path out = dir.resolve("out");
            org.duovirt.core.testing.Commands.ok(List.of("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", "/",
                    out.toString()), Duration.ofSeconds(60));
            assertThat(out.resolve("user-data")).hasBinaryContent(files.get("user-data"));
            assertThat(out.resolve("meta-data")).hasBinaryContent(files.get("meta-data"));
            assertThat(Files.readString(out.resolve("user-data"))).contains("$(id)");
        } finally {
            Files.deleteIfExists(iso);
        }
    }

    private static String body(String part) {
        return part.substring(part.indexOf("\n\n") + 2);
    }

    private static Map<String, Object> yaml(byte[] text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(text, StandardCharsets.UTF_8));
    }
}
