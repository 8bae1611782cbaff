package org.duovirt.core.cloudinit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.duovirt.core.error.DuovirtException;

/**
 * Packs a NoCloud seed into an ISO 9660 image labelled {@code cidata} with Joliet and Rock Ridge names
 * (cloud-init finds the seed by that label; the long lower-case names need the extensions) using
 * xorriso (ADR 0012). The command is an argument list; only paths of our own temporary folder go in it.
 */
public final class SeedIso {
    public static final String LABEL = "cidata";
    static final String TOOL = "xorriso";

    private SeedIso() {
    }

    /** True when xorriso is on this machine's PATH. */
    public static boolean available() {
        return org.duovirt.core.tools.LocalTools.onPath(TOOL);
    }

    /** The sentence for a machine without xorriso. */
    public static String missingToolProblem() {
        return "Building the cloud-init seed needs xorriso on this machine; install it (apt install xorriso).";
    }

    /**
     * Writes the files and packs them.
     *
     * @return a new temporary ISO file; the caller deletes it
     */
    public static Path build(Map<String, byte[]> files) {
        if (!available()) {
            throw new DuovirtException(missingToolProblem(), (String) null);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("duovirt-seed-");
            Path content = Files.createDirectory(dir.resolve("content"));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(content.resolve(f.getKey()), f.getValue());
            }
            Path iso = Files.createTempFile("duovirt-cidata-", ".iso");
            List<String> command = new ArrayList<>(List.of(TOOL, "-as", "mkisofs", "-quiet", "-output", iso.toString(),
                    "-volid", LABEL, "-joliet", "-rock", content.toString()));
            run(command, iso);
            return iso;
        } catch (IOException e) {
            throw new DuovirtException("Building the cloud-init seed failed: " + e.getMessage() + ".", e);
        } finally {
            deleteTree(dir);
        }
    }

    private static void run(List<String> command, Path iso) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                Files.deleteIfExists(iso);
                throw new DuovirtException("Building the cloud-init seed failed: xorriso did not finish cleanly.", null,
                        new String(out, java.nio.charset.StandardCharsets.UTF_8), null);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Files.deleteIfExists(iso);
            Thread.currentThread().interrupt();
            throw new DuovirtException("Building the cloud-init seed was interrupted.", e);
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder; nothing of the user's.
        }
    }
}
