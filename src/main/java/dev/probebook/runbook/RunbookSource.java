package dev.probebook.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a runbook file safely: refuses files over the size cap before reading them whole, refuses
 * binary files (NUL bytes), and decodes invalid UTF-8 with replacement characters plus a warning rather
 * than failing, so a mostly-good runbook still opens.
 */
public final class RunbookSource {

    /** The decoded text and what was noticed while decoding. */
    public record Text(String text, List<String> warnings) {}

    private RunbookSource() {}

    public static Text read(Path file, long maxBytes) throws RunbookException {
        return decode(readBytes(file, maxBytes), file.toString());
    }

    /** The file's bytes as they are (for a content hash), with the same size cap and messages as {@link #read}. */
    public static byte[] readBytes(Path file, long maxBytes) throws RunbookException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new RunbookException(file + " is a directory, not a runbook");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new RunbookException(file + " is " + size + " bytes; runbooks are limited to " + maxBytes
                        + " bytes (probebook.runbook.max-bytes)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (bytes.length > maxBytes) {
                throw new RunbookException(
                        file + " is larger than " + maxBytes + " bytes (probebook.runbook.max-bytes)");
            }
        } catch (NoSuchFileException e) {
            throw new RunbookException("no such file: " + file);
        } catch (IOException e) {
            throw new RunbookException("cannot read " + file + ": " + e.getMessage());
        }
        return bytes;
    }

    public static Text decode(byte[] bytes, String name) throws RunbookException {
        int checked = Math.min(bytes.length, 1 << 20);
        for (int i = 0; i < checked; i++) {
            if (bytes[i] == 0) {
                throw new RunbookException(name + " is not a text file (it contains NUL bytes)");
            }
        }
        List<String> warnings = new ArrayList<>();
        CharsetDecoder strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = strict.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.UTF_8); // replaces malformed input with U+FFFD
            warnings.add(name + " is not valid UTF-8: invalid bytes are shown as \uFFFD");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new Text(text, warnings);
    }
}
