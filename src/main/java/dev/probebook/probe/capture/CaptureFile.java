package dev.probebook.probe.capture;

import dev.probebook.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where {@code -w} captures go, and which of them {@code -r} may read. The path on the command line comes from a
 * runbook or a web user and is never written to nor read from: the pcap file is created under
 * {@code <data-dir>/captures/} with a generated name (its size bounded by {@code probebook.capture.max-bytes}), and
 * the name the command asked for is kept beside it ({@code capture-....pcap.requested}), so that a runbook's
 * {@code tcpdump -r /tmp/web.pcap} after its {@code tcpdump -w /tmp/web.pcap} reads the newest capture made for that
 * name. Nothing outside that folder is ever opened.
 */
final class CaptureFile {

    /** pcap file header and per-record header sizes, to bound the file before writing a packet. */
    static final int FILE_HEADER = 24;

    static final int RECORD_HEADER = 16;

    private static final String REQUESTED = ".requested";
    private static final Pattern GENERATED = Pattern.compile("capture-\\d{8}-\\d{6}-[0-9a-f]{6}\\.pcap");
    /** A requested name longer than this is not one a -w wrote. */
    private static final long MAX_NAME = 4096;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CaptureFile() {}

    /** {@code <dataDir>/captures/capture-20250101-120000-1a2b3c.pcap} (absolute). */
    static Path newPath(Path dataDir, Instant now, ZoneId zone) {
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        String name = "capture-" + STAMP.format(LocalDateTime.ofInstant(now, zone)) + "-"
                + HexFormat.of().formatHex(random) + ".pcap";
        return dataDir.resolve("captures").resolve(name).toAbsolutePath().normalize();
    }

    /** Keeps the name a {@code -w} asked for beside the capture made for it. */
    static void recordRequestedName(Path capture, String requested) throws IOException {
        Path note = capture.resolveSibling(capture.getFileName() + REQUESTED);
        PrivateFiles.createFile(note);
        Files.writeString(note, requested, StandardCharsets.UTF_8);
    }

    /**
     * The capture {@code -r NAME} means: a capture's own generated name (or a path ending in it), else the newest
     * capture made for a {@code -w} of that exact name. Empty when there is none.
     */
    static Optional<Path> find(Path dataDir, String name) throws IOException {
        Path folder = dataDir.resolve("captures").toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (GENERATED.matcher(base).matches() && Files.isRegularFile(folder.resolve(base), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(folder.resolve(base));
        }
        Path newest = null;
        try (DirectoryStream<Path> notes = Files.newDirectoryStream(folder, "capture-*.pcap" + REQUESTED)) {
            for (Path note : notes) {
                String file = note.getFileName().toString();
                Path capture = folder.resolve(file.substring(0, file.length() - REQUESTED.length()));
                if (GENERATED.matcher(capture.getFileName().toString()).matches()
                        && Files.isRegularFile(capture, LinkOption.NOFOLLOW_LINKS)
                        && Files.size(note) <= MAX_NAME
                        && Files.readString(note, StandardCharsets.UTF_8).equals(name)
                        && (newest == null
                                || capture.getFileName()
                                                .toString()
                                                .compareTo(newest.getFileName().toString())
                                        > 0)) {
                    newest = capture; // the generated names sort by time
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The newest captures' names, newest first, for an error that says what can be read. */
    static List<String> recent(Path dataDir, int max) throws IOException {
        Path folder = dataDir.resolve("captures");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> GENERATED.matcher(n).matches())
                    .sorted(Comparator.reverseOrder())
                    .limit(max)
                    .toList();
        }
    }

    /** True when a packet of {@code captured} bytes still fits into a file of {@code written} bytes. */
    static boolean fits(long written, int captured, long maxBytes) {
        return written + RECORD_HEADER + captured <= maxBytes;
    }
}
