package org.duovirt.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VmSpecValidatorTest {
    private static VmSpec spec(String name, long mem, int vcpus, VmSpec.Storage storage) {
        return new VmSpec(name, mem, vcpus, storage, null, null, null, null, null, null);
    }

    @Test
    void hostileButPrintableNamesAreAllowedBecauseWritersEscapeThem() {
        for (String name : new String[] {"it's", "a<b>&c", "$(reboot)", "Ünïcødé-日本", "quote\"d"}) {
            assertThat(VmSpecValidator.nameProblem(name)).as(name).isNull();
        }
    }

    @Test
    void namesThatBreakFilesOrLogsAreRejectedWithAReason() {
        assertThat(VmSpecValidator.nameProblem("two\nlines")).contains("control characters");
        assertThat(VmSpecValidator.nameProblem("a/b")).contains("'/'");
        assertThat(VmSpecValidator.nameProblem("")).contains("needs a name");
        assertThat(VmSpecValidator.nameProblem("-rf")).contains("must not start");
        assertThat(VmSpecValidator.nameProblem(" pad")).contains("space");
        assertThat(VmSpecValidator.nameProblem("x".repeat(65))).contains("65");
    }

    @Test
    void impossibleSizesAreReportedTogether() {
        VmSpec bad = spec("ok", 0, 0, new VmSpec.Storage.NewDisk(-1, null));
        assertThat(VmSpecValidator.problems(bad)).hasSize(3)
                .anyMatch(p -> p.contains("16 MiB")).anyMatch(p -> p.contains("vCPU")).anyMatch(p -> p.contains("disk"));
        assertThat(VmSpecValidator.problems(spec("ok", 128, 1, null))).isEmpty();
    }
}
