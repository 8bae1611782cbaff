package org.duovirt.core.cloudinit;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.duovirt.core.error.InvalidSpecException;

/** Reads the files a user names for cloud-init (a public key file, a user-data file) on this machine. */
public final class CloudInitFiles {
    private static final long MAX_FILE = CloudInitRules.MAX_USER_DATA;

    private CloudInitFiles() {
    }

    /**
     * @param what "SSH key file", "user-data file" …, for the sentence
     * @throws InvalidSpecException in one sentence when the file is missing, too large or not UTF-8 text
     */
    public static String read(String what, Path file) {
        String shown = file.toString();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidSpecException("The " + what + " '" + shown + "' is not a readable file on this machine.");
        }
        try {
            if (Files.size(file) > MAX_FILE) {
                throw new InvalidSpecException("The " + what + " '" + shown + "' is larger than 1 MiB.");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidSpecException("The " + what + " '" + shown + "' is not UTF-8 text.");
        } catch (IOException e) {
            throw new InvalidSpecException("The " + what + " '" + shown + "' cannot be read: " + e.getMessage() + ".");
        }
    }

    /** The keys of an authorized_keys-style text: its non-blank lines that are not comments. */
    public static List<String> keys(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
