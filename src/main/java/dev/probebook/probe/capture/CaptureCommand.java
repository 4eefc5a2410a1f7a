package dev.probebook.probe.capture;

/**
 * A parsed {@code tcpdump} command.
 *
 * @param iface          {@code -i}; null: the configured or default interface
 * @param count          {@code -c}; 0: until a bound stops it
 * @param numeric        {@code -n}/{@code -nn}: addresses and ports stay numbers
 * @param verbose        number of {@code -v}
 * @param quiet          {@code -q}: short transport lines
 * @param timestamps     {@code -t} family
 * @param absoluteSeq    {@code -S}: absolute TCP sequence numbers
 * @param promiscuous    false with {@code -p}
 * @param listInterfaces {@code -D}: list interfaces and exit
 * @param writeFile      {@code -w FILE} as given: never written to; the pcap goes to the data directory
 * @param readFile       {@code -r FILE} as given: names a capture Probebook wrote ({@link CaptureFile#find}), null
 *                       for a live capture
 * @param snaplen        {@code -s}; 262144 by default and for {@code -s 0}
 * @param filter         the filter expression
 * @param dump           {@code -x}, {@code -X} or {@code -A}: each packet's bytes after its line
 */
public record CaptureCommand(
        String iface,
        int count,
        boolean numeric,
        int verbose,
        boolean quiet,
        TimestampStyle timestamps,
        boolean absoluteSeq,
        boolean promiscuous,
        boolean listInterfaces,
        String writeFile,
        String readFile,
        int snaplen,
        CaptureFilter filter,
        PayloadDump dump) {

    static final int DEFAULT_SNAPLEN = 262144;

    boolean writes() {
        return writeFile != null;
    }

    boolean reads() {
        return readFile != null;
    }
}
