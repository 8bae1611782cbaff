package org.duovirt.xen.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.spi.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host whose key does not match known_hosts is refused, and the message names the key the host
 * actually offered by its SHA256 fingerprint (what a person compares with the host's own).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class XenHostKeyIT {

    @Test
    void aWrongKnownHostsEntryIsRefusedWithTheFingerprint(@TempDir Path tmp) throws Exception {
        String uri = XenTestHost.uri();
        URI parsed = URI.create(uri);
        String hostPattern = "[" + parsed.getHost() + "]:" + parsed.getPort();
        // The real host key's fingerprint, from the host's own known_hosts entry.
        String realKnownHosts = query(uri, "known_hosts");
        String realFingerprint = fingerprint(Path.of(realKnownHosts));
        // A known_hosts that names a different key for the same host and port.
        XenTestHost.Result keygen = XenTestHost.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
                tmp.resolve("other").toString()), Duration.ofMinutes(1));
        assertEquals(0, keygen.exit(), keygen.output());
        String[] other = Files.readString(tmp.resolve("other.pub")).trim().split(" ");
        Path wrong = tmp.resolve("wrong_known_hosts");
        Files.writeString(wrong, hostPattern + " " + other[0] + " " + other[1] + "\n");

        String wrongUri = uri.replace("known_hosts=" + parsed.getRawQuery().replaceAll(".*known_hosts=([^&]*).*", "$1"),
                "known_hosts=" + wrong);
        DuovirtException e = assertThrows(DuovirtException.class, () -> Backends.installed().connect(wrongUri).close());
        String said = e.getMessage() + " " + e.hint() + " " + e.details();
        assertTrue(e.getMessage().contains(realFingerprint),
                "the message names the offered key " + realFingerprint + ": " + said);
    }

    private static String query(String uri, String key) {
        Matcher m = Pattern.compile("[?&]" + key + "=([^&]*)").matcher(uri);
        assertTrue(m.find(), "no " + key + " in " + uri);
        return java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code SHA256:...} of the first key in a known_hosts file, as ssh-keygen prints it. */
    private static String fingerprint(Path knownHosts) {
        XenTestHost.Result result = XenTestHost.run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", knownHosts.toString()),
                Duration.ofMinutes(1));
        assertEquals(0, result.exit(), result.output());
        Matcher m = Pattern.compile("SHA256:[A-Za-z0-9+/]+").matcher(result.output());
        assertTrue(m.find(), result.output());
        return m.group();
    }
}
