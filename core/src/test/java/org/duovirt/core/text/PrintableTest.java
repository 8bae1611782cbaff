package org.duovirt.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.duovirt.core.model.VmSpecValidator;
import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void controlFormatAndSeparatorCharactersAreEscapedAndReadBack() {
        String hostile = "a\u001b[31mb\rc\u202ed\u2028e\u2029f\u200bg\\h\ud800";
        String shown = Printable.line(hostile);
        assertThat(shown).isEqualTo("a\\u001b[31mb\\rc\\u202ed\\u2028e\\u2029f\\u200bg\\\\h\\ud800");
        assertThat(shown.codePoints().filter(Printable::isHostile)).isEmpty();
        assertThat(Printable.unescape(shown)).isEqualTo(hostile);
        assertThat(Printable.block("line 1\n\tline 2\u202e")).isEqualTo("line 1\n\tline 2\\u202e");
        String plain = "web-01 ünïcødé \"quotes\" 'and' <xml>";
        assertThat(Printable.line(plain)).isSameAs(plain);
    }

    @Test
    void namesRefuseCcCfZlAndZp() {
        assertThat(VmSpecValidator.nameProblem("a\u001bb")).contains("control characters");
        assertThat(VmSpecValidator.nameProblem("a\rb")).contains("control characters");
        assertThat(VmSpecValidator.nameProblem("evil\u202eexe")).contains("U+202E");
        assertThat(VmSpecValidator.nameProblem("a\u2028b")).contains("U+2028");
        assertThat(VmSpecValidator.nameProblem("a\u2029b")).contains("U+2029");
        assertThat(VmSpecValidator.nameProblem("a\u200bb")).contains("U+200B");
        assertThat(VmSpecValidator.nameProblem("ünïcødé \"q\" <x>")).isNull();
    }
}
