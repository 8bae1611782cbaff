package org.duovirt.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.duovirt.core.limits.Bounds;
import org.duovirt.core.limits.Limit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The app shows a broken bound in the same words as the CLI and the backends (core's English), and in Spanish. */
class BoundsSentencesTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ROOT);
    }

    @Test
    void everyBoundHasTheCoreSentenceInTheEnglishBundleAndATranslation() {
        ResourceBundle en = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        ResourceBundle es = ResourceBundle.getBundle(Messages.BUNDLE, Locale.forLanguageTag("es"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        for (Limit limit : Limit.values()) {
            assertThat(en.getString(limit.key())).as(limit.key()).isEqualTo(limit.englishPattern());
            assertThat(es.getString(limit.key())).as(limit.key()).isNotEqualTo(limit.englishPattern());
        }
    }

    @Test
    void theAppRendersAProblemExactlyAsTheCliPrintsIt() {
        Messages.use(Locale.ROOT);
        var problem = Bounds.vcpus(2147483647, 255);
        assertThat(Messages.problem(problem)).isEqualTo(problem.text());
        Messages.use(Locale.forLanguageTag("es"));
        assertThat(Messages.problem(problem)).isEqualTo("Esta VM puede tener como mucho 255 vCPU en este servidor; se pidieron 2147483647.");
    }
}
