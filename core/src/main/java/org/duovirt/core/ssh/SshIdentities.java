package org.duovirt.core.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Vector;
import org.duovirt.core.error.DuovirtException;

/**
 * Sets up public-key login: an explicit key file when the URI names one; otherwise the ssh-agent
 * (SSH_AUTH_SOCK) first and then ~/.ssh/id_ed25519, id_ecdsa, id_rsa. Passwords are never used.
 * Keys protected by a passphrase work through the agent only.
 */
final class SshIdentities {
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private SshIdentities() {
    }

    static void configure(JSch jsch, Path keyFile) {
        try {
            if (keyFile != null) {
                if (!Files.isReadable(keyFile)) {
                    throw new DuovirtException("The SSH key file " + keyFile + " cannot be read.",
                            "Check the keyfile= parameter of the connection URI.");
                }
                jsch.addIdentity(keyFile.toString());
                return;
            }
            Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
            for (String name : DEFAULT_KEYS) {
                Path key = ssh.resolve(name);
                if (Files.isReadable(key)) {
                    jsch.addIdentity(key.toString());
                }
            }
            String agentSocket = System.getenv("SSH_AUTH_SOCK");
            if (agentSocket != null && !agentSocket.isBlank() && Files.exists(Path.of(agentSocket))) {
                IdentityRepository agent = new AgentIdentityRepository(new SSHAgentConnector(Path.of(agentSocket)));
                jsch.setIdentityRepository(new Both(agent, jsch.getIdentityRepository()));
            }
        } catch (JSchException | AgentProxyException e) {
            throw new DuovirtException("Could not load the SSH key: " + e.getMessage() + ".", e);
        }
    }

    /** The agent's keys first, then the key files. */
    private record Both(IdentityRepository agent, IdentityRepository files) implements IdentityRepository {
        @Override
        public String getName() {
            return "ssh-agent and key files";
        }

        @Override
        public int getStatus() {
            return RUNNING;
        }

        @Override
        public Vector<Identity> getIdentities() {
            Vector<Identity> all = new Vector<>();
            try {
                all.addAll(agent.getIdentities());
            } catch (RuntimeException e) {
                // An agent that does not answer is skipped; the key files may still work.
            }
            all.addAll(files.getIdentities());
            return all;
        }

        @Override
        public boolean add(byte[] identity) {
            return files.add(identity);
        }

        @Override
        public boolean remove(byte[] blob) {
            return files.remove(blob);
        }

        @Override
        public void removeAll() {
            files.removeAll();
        }
    }
}
