package org.duovirt.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellQuoterTest {
    private static final List<String> HOSTILE = List.of("plain", "", "two words", "it's", "'", "''", "\"dq\"", "$(id)",
            "`id`", "$HOME", "a;b", "a|b&c", "x\ny", "tab\there", "back\\slash", "*", "~", "-n", "!event", "café 🚀", "{a,b}", "#c");

    @Test
    void quotesEveryArgumentInSingleQuotes() {
        assertThat(ShellQuoter.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuoter.quote("")).isEqualTo("''");
        assertThat(ShellQuoter.join(List.of("xl", "vcpu-pin", "3"))).isEqualTo("'xl' 'vcpu-pin' '3'");
    }

    @Test
    void aRealShellGetsBackExactlyTheArguments() throws Exception {
        // The SSH server hands the command line to the user's shell; sh here plays that part.
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(HOSTILE);
        Process sh = new ProcessBuilder("sh", "-c", ShellQuoter.join(argv)).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor()).isZero();
        assertThat(out.split("\0", -1)).containsExactlyElementsOf(withEmptyTail(HOSTILE));
    }

    @Test
    void nulCannotBeQuotedAndEmptyCommandsAreRefused() {
        assertThatThrownBy(() -> ShellQuoter.quote("a\0b")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> ShellQuoter.join(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> withEmptyTail(List<String> args) {
        List<String> out = new ArrayList<>(args);
        out.add("");
        return out;
    }
}
