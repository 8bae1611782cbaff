package org.duovirt.app.definition;

import java.util.List;
import java.util.Locale;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Draws definition text in syntax colours as a {@link TextFlow} of {@link Text} runs, one style class per
 * span kind ({@code syn-tag}, {@code syn-value} …; the colours are the theme's). Read-only: JavaFX's TextArea
 * cannot colour runs, and RichTextFX is not in the stack (ADR 0011).
 */
final class HighlightedText {
    private HighlightedText() {
    }

    /** The whole text, XML or xl cfg by its first character. */
    static TextFlow of(String text) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("syntax");
        boolean xml = SyntaxSpans.isXml(text);
        SyntaxSpans.State state = new SyntaxSpans.State();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            add(flow, xml ? SyntaxSpans.xml(lines[i], state) : SyntaxSpans.cfg(lines[i]));
            if (i + 1 < lines.length) {
                flow.getChildren().add(new Text("\n"));
            }
        }
        return flow;
    }

    /** One line (of a diff), after its prefix; a comment open on the line before is not known here. */
    static TextFlow line(String prefix, String line, boolean xml) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("syntax");
        Text p = new Text(prefix);
        p.getStyleClass().add("syn-prefix");
        flow.getChildren().add(p);
        add(flow, xml ? SyntaxSpans.xml(line, new SyntaxSpans.State()) : SyntaxSpans.cfg(line));
        return flow;
    }

    private static void add(TextFlow flow, List<SyntaxSpans.Span> spans) {
        for (SyntaxSpans.Span s : spans) {
            Text t = new Text(org.duovirt.core.text.Printable.block(s.text()));
            t.getStyleClass().add("syn-" + s.kind().name().toLowerCase(Locale.ROOT));
            flow.getChildren().add(t);
        }
    }
}
