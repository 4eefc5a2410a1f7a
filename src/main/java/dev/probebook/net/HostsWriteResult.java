package dev.probebook.net;

import java.nio.file.Path;

/**
 * A hosts-file edit that was written (or had nothing to write).
 *
 * @param backup the copy of the file as it was before, or null when nothing was written
 */
public record HostsWriteResult(Path path, Path backup, int linesAdded, int linesRemoved) {}
