package org.duovirt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

/** The CLI pointed at one host (-c URI), as the end-to-end tests drive it: each call must succeed. */
final class CliAgainst {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String uri;

    CliAgainst(String uri) {
        this.uri = uri;
    }

    /** Runs {@code duovirt ARGS -c URI} and fails the test, with both outputs, unless it exits 0. */
    CliRun ok(String... args) {
        CliRun run = CliRun.of(Stream.concat(Arrays.stream(args), Stream.of("-c", uri)).toArray(String[]::new));
        // The shared Xen test host's sshd refuses logins now and then while it is overloaded: one retry.
        if (run.exitCode() != 0 && run.err().contains("SSH login as")) {
            run = CliRun.of(Stream.concat(Arrays.stream(args), Stream.of("-c", uri)).toArray(String[]::new));
        }
        assertThat(run.exitCode()).as("duovirt %s\nstdout: %s\nstderr: %s", String.join(" ", args), run.out(), run.err()).isZero();
        return run;
    }

    /** Runs {@code duovirt ARGS -c URI} and fails the test unless it exits 1 with one line on stderr. */
    CliRun fails(String... args) {
        CliRun run = CliRun.of(Stream.concat(Arrays.stream(args), Stream.of("-c", uri)).toArray(String[]::new));
        assertThat(run.exitCode()).as("duovirt %s\nstdout: %s\nstderr: %s", String.join(" ", args), run.out(), run.err()).isEqualTo(1);
        // Progress lines may come first; the error is the last line, and there is no stack trace.
        String[] lines = run.err().strip().split("\n");
        assertThat(lines[lines.length - 1]).as("the error line").startsWith("duovirt: ");
        assertThat(run.err()).as("no stack trace").doesNotContain("Exception").doesNotContain("\tat ");
        return run;
    }

    /** Like {@link #ok} with {@code --json}, parsed. */
    JsonNode json(String... args) throws Exception {
        return JSON.readTree(ok(Stream.concat(Arrays.stream(args), Stream.of("--json")).toArray(String[]::new)).out());
    }

    /** The VM's state as {@code list --all} says it, or "absent". */
    String stateOf(String vm) throws Exception {
        for (JsonNode node : json("list", "--all")) {
            if (node.get("name").asText().equals(vm)) {
                return node.get("state").asText();
            }
        }
        return "absent";
    }

    void awaitState(String vm, String state, Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        String last = stateOf(vm);
        while (!last.equals(state) && Instant.now().isBefore(end)) {
            Thread.sleep(1000);
            last = stateOf(vm);
        }
        assertThat(last).as("state of %s", vm).isEqualTo(state);
    }
}
