package org.duovirt.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Duovirt's own files are the user's alone: directories 0700, files 0600 (host names, user names and
 * key paths are nobody else's business). Files are written to a temporary sibling made 0600 before
 * any byte goes in, then moved over the old one, so no other user ever sees a moment of 0644.
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates the directory (and missing parents) 0700, and makes an existing one 0700. */
    public static void directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR));
        }
        Files.setPosixFilePermissions(dir, DIR);
    }

    /** Makes an existing file 0600 (a log file opened by another writer). */
    public static void restrict(Path file) throws IOException {
        if (Files.exists(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Writes the whole file atomically, 0600 from its first byte, in a 0700 directory. */
    public static void write(Path file, byte[] content) throws IOException {
        directory(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(FILE));
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
