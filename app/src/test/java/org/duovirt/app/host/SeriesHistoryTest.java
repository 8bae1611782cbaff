package org.duovirt.app.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesHistoryTest {
    @Test
    void keepsTheLastSixtySamplesOldestFirst() {
        SeriesHistory h = new SeriesHistory(true, Units::percent);
        for (int i = 0; i < 75; i++) {
            h.add(i);
        }
        Series s = h.snapshot();
        assertThat(s.size()).isEqualTo(60);
        assertThat(s.value(0)).isEqualTo(15);
        assertThat(s.value(59)).isEqualTo(74);
        assertThat(s.max()).isEqualTo(100);
        assertThat(s.label()).isEqualTo("74 %");
    }

    @Test
    void ratesAutoscaleIgnoringGapsAndAnUnknownLastValueHasNoLabel() {
        SeriesHistory h = new SeriesHistory(false, Units::rate);
        h.add(1500);
        h.add(Double.NaN);
        h.add(250_000);
        assertThat(h.snapshot().max()).isEqualTo(250_000);
        assertThat(h.snapshot().label()).isEqualTo("250.0 KB/s");
        h.add(Double.NaN);
        assertThat(h.snapshot().label()).isEmpty();
    }
}
