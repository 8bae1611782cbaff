package org.duovirt.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    @Test
    void showsRemovedThenAddedLinesAroundKeptOnes() {
        List<LineDiff.Line> diff = LineDiff.diff("a\nb\nc\nd", "a\nB\nc\nd\ne");
        assertThat(diff.stream().map(Object::toString)).containsExactly(" a", "-b", "+B", " c", " d", "+e");
        assertThat(LineDiff.changed(diff)).isTrue();
    }

    @Test
    void changesKeepOnlyTheContextAroundEachChange() {
        List<LineDiff.Line> diff = LineDiff.diff("1\n2\n3\n4\n5\n6\n7", "1\n2\n3\nX\n5\n6\n7");
        assertThat(LineDiff.changes(diff, 1).stream().map(Object::toString)).containsExactly(" 3", "-4", "+X", " 5");
    }

    @Test
    void anUnchangedTextHasNoChanges() {
        assertThat(LineDiff.changed(LineDiff.diff("x\ny\n", "x\ny\n"))).isFalse();
    }
}
