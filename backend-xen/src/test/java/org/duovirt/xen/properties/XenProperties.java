package org.duovirt.xen.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.duovirt.core.testing.HostileStrings;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.duovirt.core.cpu.CpuSet;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.InvalidSpecException;
import org.duovirt.xen.XenUri;
import org.duovirt.xen.config.XlConfig;
import org.duovirt.xen.config.XlConfigReader;
import org.duovirt.xen.config.XlConfigWriter;
import org.duovirt.xen.config.XlDisk;
import org.duovirt.core.ssh.ShellQuoter;

/**
 * Random hostile strings against the Xen side's shell quoter, xl config writer and URI parsing: the
 * quoted line gives a real shell back exactly the argument, a written config reads back as written
 * (or the writer refuses with its own exception), and no URI gets anything but Duovirt's answer.
 */
class XenProperties {
    @Provide
    Arbitrary<String> hostile() {
        return HostileStrings.upTo(30, false);
    }

    @Property(tries = 150)
    void aQuotedArgumentIsExactlyWhatARealShellPassesOn(@ForAll("hostile") String argument) throws Exception {
        String line = ShellQuoter.join(List.of("printf", "%s", argument));
        Process p = new ProcessBuilder("sh", "-c", line).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).isEqualTo(new String(argument.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        String shown = ShellQuoter.forDisplay(List.of("ssh", "--", argument));
        Process q = new ProcessBuilder("sh", "-c", "set -- " + shown.substring(4) + "; printf '%s' \"$2\"").start();
        String back = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(q.waitFor()).isZero();
        assertThat(back).isEqualTo(new String(argument.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Property
    void aWrittenConfigReadsBackAsWrittenOrTheWriterRefuses(@ForAll("hostile") String name, @ForAll("hostile") String path,
                                                            @ForAll("hostile") String cmdline) {
        XlConfig config = new XlConfig(name, "pv", 64, 64, 1, 1, List.of(CpuSet.of(0)), List.of(), "/boot/" + path,
                null, cmdline, null, false, false, List.of(new XlDisk("/var/lib/xen/duovirt/images/" + path, "xvda", "raw",
                false, false, true)), List.of(), false, null);
        String text;
        try {
            text = XlConfigWriter.write(config);
        } catch (InvalidSpecException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        XlConfig back = XlConfigReader.read(text);
        assertThat(back.name()).isEqualTo(name);
        assertThat(back.kernel()).isEqualTo(config.kernel());
        // An empty cmdline is written as none at all.
        assertThat(back.cmdline() == null ? "" : back.cmdline()).isEqualTo(cmdline);
        assertThat(back.disks()).extracting(XlDisk::target).containsExactly(config.disks().get(0).target());
        assertThat(back.disks().get(0).owned()).isTrue();
    }

    @Property
    void anyUriGetsDuovirtsAnswerAndNeverShowsAPassword(@ForAll("hostile") String user, @ForAll("hostile") String query) {
        URI uri;
        try {
            uri = new URI("xl+ssh://" + user + ":PW-SECRET@127.0.0.1:22/?" + query);
        } catch (URISyntaxException e) {
            return;
        }
        try {
            XenUri.sshTarget(uri);
        } catch (DuovirtException e) {
            assertThat(e.userMessage()).doesNotContain("PW-SECRET");
        }
        assertThat(String.join(" ", XenUri.problems(uri))).doesNotContain("PW-SECRET");
    }
}
