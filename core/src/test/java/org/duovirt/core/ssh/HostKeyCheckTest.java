package org.duovirt.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.duovirt.core.error.HostUnreachableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict host-key checking against a generated known_hosts, with the fingerprint checked by ssh-keygen. */
class HostKeyCheckTest {
    @TempDir
    Path dir;

    private static byte[] newHostKey(JSch jsch) throws Exception {
        return KeyPair.genKeyPair(jsch, KeyPair.ED25519).getPublicKeyBlob();
    }

    private HostKeyCheck check(JSch jsch, Path knownHosts) throws Exception {
        jsch.setKnownHosts(knownHosts.toString());
        return new HostKeyCheck(jsch, jsch.getHostKeyRepository());
    }

    private static SshTarget target(Path knownHosts) {
        return new SshTarget("root", "127.0.0.1", 2222, null, knownHosts);
    }

    @Test
    void aListedKeyIsAccepted() throws Exception {
        JSch jsch = new JSch();
        byte[] key = newHostKey(jsch);
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:2222 ssh-ed25519 " + Base64.getEncoder().encodeToString(key) + "\n");
        HostKeyCheck check = check(jsch, knownHosts);
        assertThat(check.check("[127.0.0.1]:2222", key)).isEqualTo(HostKeyRepository.OK);
        assertThat(check.refusal()).isNull();
    }

    @Test
    void anUnknownHostIsRefusedWithTheSha256FingerprintAndAHint() throws Exception {
        JSch jsch = new JSch();
        byte[] key = newHostKey(jsch);
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "");
        HostKeyCheck check = check(jsch, knownHosts);
        assertThat(check.check("[127.0.0.1]:2222", key)).isEqualTo(HostKeyRepository.NOT_INCLUDED);
        HostUnreachableException error = check.refusalError(target(knownHosts), null);
        String fingerprint = sshKeygenFingerprint(key);
        assertThat(fingerprint).startsWith("SHA256:");
        assertThat(error.getMessage()).contains("[127.0.0.1]:2222").contains("is not in").contains(fingerprint)
                .contains("refused");
        assertThat(error.hint()).contains("ssh -p 2222 -- root@127.0.0.1").contains("ssh-keyscan -p 2222 -- 127.0.0.1 >> " + knownHosts);
    }

    @Test
    void aChangedKeyIsRefusedAsPossibleAttack() throws Exception {
        JSch jsch = new JSch();
        byte[] old = newHostKey(jsch);
        byte[] now = newHostKey(jsch);
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:2222 ssh-ed25519 " + Base64.getEncoder().encodeToString(old) + "\n");
        HostKeyCheck check = check(jsch, knownHosts);
        assertThat(check.check("[127.0.0.1]:2222", now)).isEqualTo(HostKeyRepository.CHANGED);
        HostUnreachableException error = check.refusalError(target(knownHosts), null);
        assertThat(error.getMessage()).contains("has changed").contains(sshKeygenFingerprint(now)).contains("attack");
        assertThat(error.hint()).contains("ssh-keygen -f " + knownHosts + " -R '[127.0.0.1]:2222'");
        // Not retried on its own: the user must look at the key (HostSession stops its reconnect loop on it).
        assertThat(error).isInstanceOf(org.duovirt.core.error.HostRefusedException.class);
        assertThat(((org.duovirt.core.error.HostRefusedException) error).reason())
                .isEqualTo(org.duovirt.core.error.HostRefusedException.Reason.HOST_KEY);
    }

    @Test
    void neverWritesTheKnownHostsFile() throws Exception {
        JSch jsch = new JSch();
        byte[] key = newHostKey(jsch);
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "");
        HostKeyCheck check = check(jsch, knownHosts);
        check.add(new com.jcraft.jsch.HostKey("[127.0.0.1]:2222", key), null);
        assertThat(Files.readString(knownHosts)).isEmpty();
        assertThat(check.check("[127.0.0.1]:2222", key)).isEqualTo(HostKeyRepository.NOT_INCLUDED);
    }

    /** The fingerprint as OpenSSH prints it, for the user to compare. */
    private String sshKeygenFingerprint(byte[] key) throws Exception {
        Path pub = dir.resolve("key.pub");
        Files.writeString(pub, "ssh-ed25519 " + Base64.getEncoder().encodeToString(key) + " test\n");
        Process p = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", pub.toString()).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor()).isZero();
        return out.toString(StandardCharsets.UTF_8).split("\\s+")[1];
    }

    @Test
    void everyPartOfTheHintThatCameFromTheUriIsShellQuoted() throws Exception {
        JSch jsch = new JSch();
        byte[] key = newHostKey(jsch);
        Path knownHosts = dir.resolve("known hosts; touch pwned");
        Files.writeString(knownHosts, "");
        HostKeyCheck check = check(jsch, knownHosts);
        check.check("[127.0.0.1]:2222", key);
        String user = "x -oProxyCommand=touch$IFS/tmp/pwned";
        String hint = check.refusalError(new SshTarget(user, "127.0.0.1", 2222, null, knownHosts), null).hint();
        assertThat(hint).contains("ssh -p 2222 -- 'x -oProxyCommand=touch$IFS/tmp/pwned@127.0.0.1'")
                .contains(">> '" + knownHosts + "'");
        // The quoted commands, parsed by a real shell, give back exactly the arguments.
        String sshCommand = hint.substring(hint.indexOf("ssh -p"), hint.indexOf(" (or "));
        Process p = new ProcessBuilder("sh", "-c", "set -- " + sshCommand.substring(4) + "; printf '%s\\n' \"$@\"").start();
        String args = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(args).isEqualTo("-p\n2222\n--\n" + user + "@127.0.0.1\n");
    }
}
