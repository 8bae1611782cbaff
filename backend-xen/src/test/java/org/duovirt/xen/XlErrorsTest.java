package org.duovirt.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duovirt.core.error.DuovirtException;
import org.duovirt.core.error.VmNotFoundException;
import org.duovirt.xen.transport.CommandResult;
import org.junit.jupiter.api.Test;

class XlErrorsTest {
    private static CommandResult failed(String stderr) {
        return new CommandResult(List.of("xl", "x"), 1, "", stderr);
    }

    @Test
    void anInvalidDomainIdentifierMeansTheVmIsGone() {
        DuovirtException e = XlErrors.error(failed("nosuch is an invalid domain identifier (rc=-6)\n"), "pause 'nosuch'", "nosuch", "h");
        assertThat(e).isInstanceOf(VmNotFoundException.class).hasMessageContaining("'nosuch'");
    }

    @Test
    void libxlErrorsBecomeOneSentenceWithTheRawTextAsDetails() {
        String stderr = """
                Parsing config from /etc/xen/duovirt/web.cfg
                libxl: warning: libxl_dm.c:123:f: something harmless
                libxl: error: libxl_create.c:720:initiate_domain_create: Domain 5:cannot make domain: -3
                libxl: error: libxl_domain.c:1183:libxl__destroy_domid: Domain 5:Non-existant domain
                """;
        DuovirtException e = XlErrors.error(failed(stderr), "start 'web'", "web", "root@h");
        assertThat(e.getMessage()).isEqualTo("Could not start 'web' on root@h: cannot make domain: -3.");
        assertThat(e.details()).isEqualTo(stderr);
    }

    @Test
    void otherMessagesUseTheFirstTellingLineAndAHint() {
        DuovirtException e = XlErrors.error(failed("WARNING: You are overcommmitting!\nYou are overcommmitting! You have 4 physical CPUs and want 8 vCPUs! Aborting, use --ignore-host to continue\n"),
                "set the vCPUs of 'web' to 8", "web", "h");
        assertThat(e.getMessage()).startsWith("Could not set the vCPUs of 'web' to 8 on h: You are overcommmitting")
                .endsWith("continue.");
        assertThat(e.hint()).contains("at most as many vCPUs");
        assertThat(XlErrors.error(new CommandResult(List.of("xl"), 3, "", ""), "start 'a'", "a", "h").getMessage())
                .contains("xl exited with code 3");
        assertThat(XlErrors.error(failed("ERROR:  Can't find hypervisor information in sysfs!\n"), "read", null, "h").hint())
                .contains("not running Xen");
    }

    @Test
    void libxcsRootCauseWinsOverLibxlsVagueReport() {
        // Real stderr of xl create with memory = 64 on the Xen 4.17 test host.
        DuovirtException e = XlErrors.error(new CommandResult(List.of("xl", "create"), 3, "",
                Golden.read("golden/xl-create-too-small.stderr")), "start 'small'", "small", "h");
        assertThat(e.getMessage()).isEqualTo("Could not start 'small' on h: segment kernel too large "
                + "(0x3a00 > 0x4000 - 0x1000 pages): Out of memory.");
        assertThat(e.hint()).contains("too small for its kernel");
    }
}
