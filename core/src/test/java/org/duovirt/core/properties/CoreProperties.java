package org.duovirt.core.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import net.jqwik.api.Arbitraries;
import org.duovirt.core.testing.HostileStrings;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.core.limits.Bounds;
import org.duovirt.core.limits.Problem;
import org.duovirt.core.limits.Units;
import org.duovirt.core.model.VmSpecValidator;
import org.duovirt.core.text.Printable;
import org.duovirt.core.uri.Uris;

/**
 * Random hostile strings and numbers against core's validators, quoters and parsers: only the project's
 * own exceptions, output that reads back as the input, and no allocation that grows with a typed number.
 */
class CoreProperties {
    /** Far below what any of these would cost if they grew with the number (a bit per CPU, a slot per vCPU). */
    private static final long BOUNDED = 1 << 20;

    /** Strings heavy in what breaks things: controls, bidi, separators, quotes, shell and URI syntax. */
    @Provide
    Arbitrary<String> hostile() {
        return HostileStrings.upTo(40, true);
    }

    @Property
    void memoryConversionIsExactOrRefusedWithTheProjectsException(@ForAll long mib) {
        try {
            long kib = Units.mibToKiB(mib);
            assertThat(BigInteger.valueOf(kib)).isEqualTo(BigInteger.valueOf(mib).multiply(BigInteger.valueOf(1024)));
        } catch (InvalidSpecException e) {
            assertThat(BigInteger.valueOf(mib).multiply(BigInteger.valueOf(1024)).bitLength()).isGreaterThan(63);
        }
    }

    @Property
    void diskSizesAreBytesAtLeastAsLargeAsAskedOrRefused(@ForAll double gib) {
        try {
            long bytes = Units.gibToBytes(gib);
            assertThat(gib).isGreaterThan(0).isLessThanOrEqualTo(Bounds.MAX_DISK_GIB);
            assertThat((double) bytes).isGreaterThanOrEqualTo(gib * (1L << 30) - 1);
        } catch (InvalidSpecException e) {
            assertThat(gib > 0 && gib <= Bounds.MAX_DISK_GIB).isFalse();
        }
    }

    @Property
    void boundsNeverThrowAndCostTheSameForAnyNumber(@ForAll long n, @ForAll double d, @ForAll int max) {
        long bytes = Allocation.bytes(() -> {
            Bounds.vcpus(n, max);
            Bounds.memory(n, Math.abs((long) max));
            Bounds.interval(d);
            Bounds.count(n);
            Bounds.diskSize(d);
        });
        assertThat(bytes).as("bytes allocated").isLessThan(BOUNDED);
        Problem p = Bounds.interval(d);
        assertThat(p == null).isEqualTo(d >= 0.1 && d <= 86_400);
    }

    @Property
    void acceptedNamesHoldNothingHostileAndEveryNameGetsAnAnswer(@ForAll("hostile") String name) {
        String problem = VmSpecValidator.nameProblem(name);
        if (problem == null) {
            assertThat(Printable.firstHostile(name)).isEqualTo(-1);
            assertThat(name).doesNotContain("/").isEqualTo(name.strip()).isNotBlank();
            assertThat(name.length()).isLessThanOrEqualTo(VmSpecValidator.MAX_NAME_LENGTH);
        } else {
            assertThat(problem).endsWith(".");
        }
    }

    @Property
    void printedTextHoldsNothingHostileAndReadsBackAsTheOriginal(@ForAll("hostile") String text) {
        String line = Printable.line(text);
        assertThat(line.codePoints().filter(Printable::isHostile)).isEmpty();
        assertThat(Printable.unescape(line)).isEqualTo(text);
        String block = Printable.block(text);
        assertThat(block.codePoints().filter(cp -> Printable.isHostile(cp) && cp != '\n' && cp != '\t')).isEmpty();
        assertThat(Printable.unescape(block)).isEqualTo(text);
    }

    @Property
    void cpuListsParseToWhatTheyPrintOrFailWithASentence(@ForAll("cpuLists") String text) {
        CpuSet set;
        try {
            set = CpuSet.parse(text);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank().endsWith(".");
            return;
        }
        assertThat(set.last()).isLessThanOrEqualTo(8191);
        if (!set.isEmpty()) {
            assertThat(CpuSet.parse(set.toString())).isEqualTo(set);
        }
    }

    @Provide
    Arbitrary<String> cpuLists() {
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.integers().between(0, 20).map(String::valueOf),
                Arbitraries.of("8191", "8192", "2147483647", "-1", "99999999999", "1e3", " 3 ", ""));
        Arbitrary<String> item = Arbitraries.oneOf(number, number.list().ofSize(2).map(l -> l.get(0) + "-" + l.get(1)),
                number.map(n -> "^" + n));
        return Arbitraries.oneOf(item.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(",", l)), hostile());
    }

    @Property
    void aHugeCpuRangeIsRefusedBeforeAnythingGrows(@ForAll @IntRange(min = 8192) int last) {
        long bytes = Allocation.bytes(() -> {
            try {
                CpuSet.parse("0-" + last);
            } catch (IllegalArgumentException expected) {
                // refused: what matters is what it cost
            }
        });
        // A BitSet up to CPU 2^31 would be 256 MiB; a refusal costs its exception and message.
        assertThat(bytes).isLessThan(BOUNDED);
    }

    @Property
    void redactionNeverShowsThePasswordAndTheQueryParserThrowsOnlyOurOwn(@ForAll("hostile") String user,
                                                                        @ForAll("hostile") String password,
                                                                        @ForAll("hostile") String query) {
        String secret = "S3CR3T" + password.replaceAll("[/?#]", "");
        String text = "qemu+ssh://" + user.replaceAll("[/?#@:]", "") + ":" + secret + "@host/system?" + query;
        assertThat(Uris.redact(text)).doesNotContain("S3CR3T");
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return;
        }
        try {
            Uris.query(uri);
        } catch (DuovirtException e) {
            assertThat(e.getMessage()).doesNotContain("S3CR3T");
        }
        if (uri.getRawUserInfo() != null) {
            assertThat(Uris.hasPassword(uri)).isTrue();
        }
    }

    @Property
    void fileParameterChecksNeverThrow(@ForAll("hostile") String value) {
        String problem = Uris.localFileProblem("keyfile", value, false);
        assertThat(problem == null || problem.endsWith(".")).isTrue();
    }
}
