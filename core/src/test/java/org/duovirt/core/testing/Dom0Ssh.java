package org.duovirt.core.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system OpenSSH client's command line for the Xen test host's dom0, from an {@code xl+ssh://} URI (its
 * user, host, port, keyfile and known_hosts), with strict host key checking. Tests use it as an independent
 * witness beside the backend under test.
 */
public final class Dom0Ssh {
    private Dom0Ssh() {
    }

    /** {@code ssh} and its options up to the destination; append the remote command. */
    public static List<String> command(String xlSshUri) {
        URI u = URI.create(xlSshUri);
        Map<String, String> query = new HashMap<>();
        if (u.getRawQuery() != null) {
            for (String pair : u.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        List<String> ssh = new ArrayList<>(List.of("ssh", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "ConnectTimeout=60", "-o", "LogLevel=ERROR"));
        if (query.containsKey("keyfile")) {
            ssh.addAll(List.of("-i", query.get("keyfile"), "-o", "IdentitiesOnly=yes"));
        }
        if (query.containsKey("known_hosts")) {
            ssh.addAll(List.of("-o", "UserKnownHostsFile=" + query.get("known_hosts")));
        }
        if (u.getPort() > 0) {
            ssh.addAll(List.of("-p", Integer.toString(u.getPort())));
        }
        ssh.add((u.getUserInfo() == null ? "root" : u.getUserInfo()) + "@" + u.getHost());
        return ssh;
    }
}
