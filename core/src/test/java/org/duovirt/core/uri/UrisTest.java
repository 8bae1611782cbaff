package org.duovirt.core.uri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.duovirt.core.error.DuovirtException;
import org.junit.jupiter.api.Test;

class UrisTest {
    @Test
    void redactionHidesUserinfoPasswordsAndPasswordParametersEvenInTextThatIsNoUri() {
        assertThat(Uris.redact("qemu+ssh://root:secret@host/system")).isEqualTo("qemu+ssh://root:***@host/system");
        assertThat(Uris.redact("xl+ssh://root:se:cr:et@h:22/?keyfile=/k")).isEqualTo("xl+ssh://root:***@h:22/?keyfile=/k");
        assertThat(Uris.redact("qemu+tcp://h/system?password=x&mode=auto")).isEqualTo("qemu+tcp://h/system?password=***&mode=auto");
        assertThat(Uris.redact("not a uri //u:pw@h")).doesNotContain("pw");
        assertThat(Uris.redact("qemu:///system")).isEqualTo("qemu:///system");
    }

    @Test
    void aPasswordIsRefusedInOneSentenceThatDoesNotShowIt() {
        URI uri = URI.create("qemu+ssh://root:hunter2@host/system");
        assertThat(Uris.hasPassword(uri)).isTrue();
        assertThatThrownBy(() -> Uris.refusePassword(uri)).isInstanceOf(DuovirtException.class)
                .satisfies(e -> assertThat(((DuovirtException) e).userMessage()).contains("SSH key").contains("agent")
                        .doesNotContain("hunter2"));
        assertThat(Uris.hasPassword(URI.create("qemu+ssh://root@host/system"))).isFalse();
    }

    @Test
    void anAtSignInTheUserStillHidesAndRefusesThePassword() {
        // Found by XenProperties (jqwik): java.net.URI parses no host nor userinfo from this authority.
        URI uri = URI.create("xl+ssh://@:PW-SECRET@127.0.0.1:22/?");
        assertThat(uri.getRawUserInfo()).isNull();
        assertThat(Uris.redact(uri.toString())).isEqualTo("xl+ssh://@:***@127.0.0.1:22/?");
        assertThat(Uris.redact("xl+ssh://a@b:PW@h/")).isEqualTo("xl+ssh://a@b:***@h/");
        assertThat(Uris.hasPassword(uri)).isTrue();
        assertThat(Uris.hasPassword(URI.create("xl+ssh://a@b@h:22/"))).isFalse();
        assertThat(Uris.redact("xl+ssh://root@[::1]:22/")).isEqualTo("xl+ssh://root@[::1]:22/");
        assertThat(Uris.redact("xl+ssh://root@host:22/?keyfile=/k")).isEqualTo("xl+ssh://root@host:22/?keyfile=/k");
    }

    @Test
    void fileParametersMustBeAbsoluteAndRegular() {
        assertThat(Uris.localFileProblem("known_hosts", "/dev/zero", false)).isEqualTo("The known_hosts parameter '/dev/zero' is not a regular file.");
        assertThat(Uris.localFileProblem("keyfile", "id_rsa", false)).contains("absolute");
        assertThat(Uris.localFileProblem("keyfile", "/nonexistent/key", false)).isNull();
        assertThat(Uris.localFileProblem("pkipath", "/etc", true)).isNull();
        assertThat(Uris.localFileProblem("keyfile", "/etc", false)).contains("not a regular file");
    }
}
