package org.duovirt.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.core.model.PoolSpecValidator.Field;
import org.duovirt.core.model.PoolSpecValidator.Problem;
import org.junit.jupiter.api.Test;

class PoolSpecValidatorTest {
    private static List<Problem> problems(String name, String target) {
        return PoolSpecValidator.problems(PoolSpec.dir(name, target));
    }

    @Test
    void plainAndUnicodeNamesAndHostilePathsPass() {
        assertThat(problems("images2", "/srv/images")).isEmpty();
        assertThat(problems("bilder-ü_1.0", "/srv/my images/'q\"/$(x)/<a>/€")).isEmpty();
    }

    @Test
    void namesThatCannotBeAFileNameAreRefusedWithOneSentence() {
        for (String bad : List.of("", " ", "a b", "a/b", "a\nb", "<x>", "$(reboot)", "-x", ".hidden", "q'", "x".repeat(65))) {
            List<Problem> p = problems(bad, "/srv/x");
            assertThat(p).as(bad).singleElement().extracting(Problem::field).isEqualTo(Field.NAME);
            assertThat(p.get(0).message()).doesNotContain("\n").endsWith(".");
        }
    }

    @Test
    void relativeControlDotAndRootTargetsAreRefused() {
        assertThat(problems("p", "images").get(0).message()).contains("is relative");
        assertThat(problems("p", "/srv/a\nb").get(0).message()).contains("control character").doesNotContain("\n");
        assertThat(problems("p", "/srv/../etc").get(0).message()).contains("'..' part");
        assertThat(problems("p", "/srv//x").get(0).message()).contains("empty part");
        assertThat(problems("p", "/srv/x/").get(0).message()).contains("empty part");
        assertThat(problems("p", "/").get(0).message()).contains("root directory");
        assertThat(problems("p", "/" + "a".repeat(5000)).get(0).message()).contains("at most 4095");
        assertThat(problems("p", null)).extracting(Problem::field).containsExactly(Field.TARGET);
    }

    @Test
    void eachTypeAsksForItsSource() {
        assertThat(PoolSpecValidator.problems(new PoolSpec("n", PoolSpec.Type.NETFS, "/mnt/n", null, "nas; reboot", false, true, false)))
                .extracting(Problem::field).containsExactly(Field.SOURCE, Field.SOURCE_HOST);
        assertThat(PoolSpecValidator.problems(new PoolSpec("f", PoolSpec.Type.FS, "/mnt/f", "sdb1", null, false, true, false)))
                .extracting(Problem::field).containsExactly(Field.SOURCE);
        assertThat(PoolSpecValidator.problems(new PoolSpec("l", PoolSpec.Type.LOGICAL, null, "-vg", null, false, true, false)))
                .extracting(Problem::field).containsExactly(Field.SOURCE);
        assertThat(PoolSpecValidator.problems(new PoolSpec("l", PoolSpec.Type.LOGICAL, null, "vg0", null, false, true, false))).isEmpty();
        assertThat(PoolSpecValidator.problems(new PoolSpec("n", PoolSpec.Type.NETFS, "/mnt/n", "/export", "192.168.1.5", false, true, false))).isEmpty();
    }

    @Test
    void typeWordsParseInAnyCaseAndOthersAreNamed() {
        assertThat(PoolSpec.Type.parse(" NetFS ")).isEqualTo(PoolSpec.Type.NETFS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PoolSpec.Type.parse("rbd"))
                .hasMessage("The pool type 'rbd' is not one of dir, fs, logical, netfs.");
    }
}
