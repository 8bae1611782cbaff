package org.duovirt.app.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.duovirt.app.config.StatsIntervals;
import org.duovirt.app.host.FakeHost;
import org.duovirt.app.host.HostSession;
import org.duovirt.app.host.Sessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesViewModelTest {
    @TempDir
    Path config;

    @Test
    void anIntervalWithinOneToSixtySecondsIsAppliedToTheHubAndRememberedPerHost() {
        HostSession a = Sessions.session("fake://a/", uri -> new FakeHost(), Sessions.fast());
        HostSession b = Sessions.session("fake://b/", uri -> new FakeHost(), Sessions.fast());
        StatsIntervals store = new StatsIntervals(config);
        PreferencesViewModel vm = new PreferencesViewModel(List.of(a, b), store);
        assertThat(vm.hosts().get(0).seconds().get()).as("100 ms rounds up to the 1 s minimum").isEqualTo(1);
        vm.hosts().get(0).seconds().set(7);
        vm.hosts().get(1).seconds().set(60);
        assertThat(vm.apply()).isTrue();
        assertThat(a.statsInterval()).isEqualTo(Duration.ofSeconds(7));
        assertThat(a.stats().period()).isEqualTo(Duration.ofSeconds(7));
        assertThat(b.statsInterval()).isEqualTo(Duration.ofSeconds(60));

        HostSession again = Sessions.session("fake://a/", uri -> new FakeHost(), Sessions.fast());
        PreferencesViewModel.restore(again, new StatsIntervals(config));
        assertThat(again.statsInterval()).as("remembered across runs").isEqualTo(Duration.ofSeconds(7));
        a.close();
        b.close();
        again.close();
    }

    @Test
    void outOfRangeValuesAreRefusedWithOneSentenceAndChangeNothing() {
        HostSession a = Sessions.session("fake://a/", uri -> new FakeHost(), Sessions.fast());
        PreferencesViewModel vm = new PreferencesViewModel(List.of(a), new StatsIntervals(config));
        vm.hosts().get(0).seconds().set(61);
        assertThat(vm.problemProperty().get()).isEqualTo("The update interval of fake://a/ must be between 1 and 60 seconds.");
        assertThat(vm.apply()).isFalse();
        assertThat(a.statsInterval()).isEqualTo(Sessions.fast().stats());
        vm.hosts().get(0).seconds().set(0);
        assertThat(vm.apply()).isFalse();
        assertThat(new StatsIntervals(config).load()).isEmpty();
        a.close();
    }
}
