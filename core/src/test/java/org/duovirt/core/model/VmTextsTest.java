package org.duovirt.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VmTextsTest {
    @Test
    void hostileButPrintableDescriptionsAreFineOnSeveralLines() {
        assertThat(VmTexts.descriptionProblem("web \"front\" <b> & $(rm -rf /) `id`\nsecond line\tñ 🚀")).isNull();
        assertThat(VmTexts.descriptionProblem("")).isNull();
        assertThat(VmTexts.descriptionProblem(null)).isNull();
    }

    @Test
    void whatADefinitionCannotCarryIsRefusedInOneSentence() {
        assertThat(VmTexts.descriptionProblem("bell\u0007")).isEqualTo(
                "The description must not contain control characters other than newlines and tabs (U+0007 found).");
        assertThat(VmTexts.descriptionProblem("x\uFFFF")).contains("U+FFFF");
        assertThat(VmTexts.descriptionProblem("half \uD83D")).contains("broken unicode");
        assertThat(VmTexts.descriptionProblem("a".repeat(VmTexts.MAX_DESCRIPTION_LENGTH + 1))).contains("at most 4096");
        assertThat(VmTexts.descriptionProblem("a".repeat(VmTexts.MAX_DESCRIPTION_LENGTH))).isNull();
    }
}
