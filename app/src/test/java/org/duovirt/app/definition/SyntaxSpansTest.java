package org.duovirt.app.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.duovirt.app.definition.SyntaxSpans.Kind;
import org.duovirt.app.definition.SyntaxSpans.Span;
import org.junit.jupiter.api.Test;

class SyntaxSpansTest {
    private static String joined(List<Span> spans) {
        return spans.stream().map(Span::text).collect(Collectors.joining());
    }

    private static String of(List<Span> spans, Kind kind) {
        return spans.stream().filter(s -> s.kind() == kind).map(Span::text).collect(Collectors.joining("|"));
    }

    @Test
    void anXmlLineSplitsIntoTagsAttributesAndValuesAndJoinsBackUnchanged() {
        String line = "    <source file='/srv/my \"disc\" é.img' index=\"1\"/>";
        List<Span> spans = SyntaxSpans.xml(line, new SyntaxSpans.State());
        assertThat(joined(spans)).isEqualTo(line);
        assertThat(of(spans, Kind.TAG)).isEqualTo("<source|/>");
        assertThat(of(spans, Kind.ATTRIBUTE)).isEqualTo("file|index");
        assertThat(of(spans, Kind.VALUE)).isEqualTo("'/srv/my \"disc\" é.img'|\"1\"");
        assertThat(of(spans, Kind.TEXT)).isEqualTo("    ");
    }

    @Test
    void elementTextAndClosingTagsAndCommentsAcrossLines() {
        SyntaxSpans.State state = new SyntaxSpans.State();
        List<Span> name = SyntaxSpans.xml("  <name>web &amp; db</name>", state);
        assertThat(of(name, Kind.TAG)).isEqualTo("<name|>|</name|>");
        assertThat(of(name, Kind.TEXT)).isEqualTo("  |web &amp; db");
        List<Span> open = SyntaxSpans.xml("<!-- a comment", state);
        assertThat(of(open, Kind.COMMENT)).isEqualTo("<!-- a comment");
        List<Span> close = SyntaxSpans.xml("still --><vcpu>2</vcpu>", state);
        assertThat(of(close, Kind.COMMENT)).isEqualTo("still -->");
        assertThat(of(close, Kind.TAG)).isEqualTo("<vcpu|>|</vcpu|>");
        assertThat(state.inComment).isFalse();
        String broken = "<disk type='file";
        assertThat(joined(SyntaxSpans.xml(broken, new SyntaxSpans.State()))).isEqualTo(broken);
    }

    @Test
    void anXlCfgLineHasKeyStringsNumbersAndComment() {
        String line = "disk = [ 'format=raw, vdev=xvda, target=/srv/a #b.img' ] # the root disk";
        List<Span> spans = SyntaxSpans.cfg(line);
        assertThat(joined(spans)).isEqualTo(line);
        assertThat(of(spans, Kind.KEY)).isEqualTo("disk ");
        assertThat(of(spans, Kind.VALUE)).isEqualTo("'format=raw, vdev=xvda, target=/srv/a #b.img'");
        assertThat(of(spans, Kind.COMMENT)).isEqualTo("# the root disk");
        List<Span> memory = SyntaxSpans.cfg("memory = 256");
        assertThat(of(memory, Kind.NUMBER)).isEqualTo("256");
        assertThat(of(SyntaxSpans.cfg("# only a comment = here"), Kind.COMMENT)).isEqualTo("# only a comment = here");
        assertThat(SyntaxSpans.isXml("  <domain>")).isTrue();
        assertThat(SyntaxSpans.isXml("name = \"x\"")).isFalse();
    }
}
