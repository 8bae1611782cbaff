package org.duovirt.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.duovirt.core.model.VmState;
import org.duovirt.core.model.VmSummary;
import org.duovirt.core.spi.Backends;
import org.duovirt.core.spi.HostConnection;
import org.junit.jupiter.api.Test;

/**
 * States as virt-manager names them (virtManager/lib/libvirtenummap.py pretty_run_status): pmsuspended is
 * Suspended, shut off with a managed-save image is Saved — on a test-driver fixture shaped like virt-manager's.
 */
class StateNamesTest {
    private static final Path FIXTURE = Path.of("../app/src/test/resources/fixtures/states-node.xml");

    @Test
    void pmSuspendIsSuspendedAndAManagedSaveImageIsSaved() throws Exception {
        try (HostConnection host = Backends.installed().connect("test://" + FIXTURE.toAbsolutePath().normalize())) {
            Map<String, VmState> states = host.listVms(true).stream()
                    .collect(Collectors.toMap(VmSummary::name, VmSummary::state));
            assertThat(states).containsEntry("state-pmsuspended", VmState.SUSPENDED)
                    .containsEntry("state-managed-save", VmState.SAVED)
                    .containsEntry("state-crashed", VmState.CRASHED)
                    .containsEntry("state-running-big-memory", VmState.RUNNING);
            assertThat(host.details("state-managed-save").summary().state()).isEqualTo(VmState.SAVED);
            assertThat(VmState.SAVED.isActive()).isFalse();
        }
    }
}
