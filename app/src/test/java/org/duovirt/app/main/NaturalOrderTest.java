package org.duovirt.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    @Test
    void numbersSortByValueAndLettersIgnoreCase() {
        List<String> names = new ArrayList<>(List.of("perf10", "perf2", "Perf1", "perf02x", "web", "db-99999999999999999999", "db-100", "perf"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("db-100", "db-99999999999999999999", "perf", "Perf1", "perf2", "perf02x", "perf10", "web");
    }

    @Test
    void differentNamesNeverCompareEqual() {
        assertThat(NaturalOrder.INSTANCE.compare("vm01", "vm1")).isNotZero();
        assertThat(NaturalOrder.INSTANCE.compare("VM", "vm")).isNotZero();
    }
}
