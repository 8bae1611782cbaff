package org.duovirt.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void dropsEscapeSequencesEvenWhenSplitAcrossChunksAndCarriageReturns() {
        TerminalText t = new TerminalText();
        StringBuilder shown = new StringBuilder();
        String a = t.feed("\u001b[1;32mDUOVIRT-GUEST-READY\u001b[", shown);
        String b = t.feed("0m kernel 6.1\r\n\u001b]0;title\u0007$ ", shown);
        assertThat(a + b).isEqualTo("DUOVIRT-GUEST-READY kernel 6.1\n$ ");
    }

    @Test
    void backspaceRemovesTheLastShownCharacterButNotAcrossLines() {
        TerminalText t = new TerminalText();
        StringBuilder shown = new StringBuilder("line\n$ ab");
        // The shell erases with "back, space, back": the character is gone and nothing is added.
        assertThat(t.feed("\b \b", shown)).isEmpty();
        assertThat(shown.toString()).isEqualTo("line\n$ a");
        StringBuilder fresh = new StringBuilder("x\n");
        assertThat(t.feed("\b", fresh)).isEmpty();
        assertThat(fresh.toString()).isEqualTo("x\n");
    }
}
