package dev.probebook.runbook;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a large runbook can be cut into pieces that parse on their own to the same blocks as the whole: before a
 * top-level ATX heading ({@code #} at the start of a line) that follows a blank line, outside fenced code and the
 * HTML blocks that run past blank lines (comments, {@code <pre>}, {@code <script>} ...). Such a line
 * closes every open list, quote and paragraph, so nothing before it reaches past it. A runbook with link reference
 * definitions stays whole (a link in one piece may be defined in another). Pieces parse in parallel and each one's
 * syntax tree is garbage once its parts are read: a 5 MB runbook no longer holds one tree of some hundred megabytes.
 */
final class HeadingChunks {

    /** A piece of the source: {@code [start, end)}, and the number of lines before it. */
    record Chunk(int start, int end, int linesBefore) {}

    /** Runbooks up to this many characters are parsed whole: all realistic ones. */
    static final int WHOLE_UP_TO = 512 * 1024;

    /** About how long a piece is: it ends at the first place to cut after this many characters. */
    static final int PIECE = 256 * 1024;

    private HeadingChunks() {}

    /**
     * The pieces of a runbook's body (its text after any front matter, which {@code linesBefore} lines took),
     * one piece when it is no longer than {@code wholeUpTo}.
     */
    static List<Chunk> split(String source, int wholeUpTo, int piece, int linesBefore) {
        List<Chunk> whole = List.of(new Chunk(0, source.length(), linesBefore));
        if (source.length() <= wholeUpTo) {
            return whole;
        }
        List<Chunk> chunks = new ArrayList<>();
        int chunkStart = 0;
        int chunkLinesBefore = linesBefore;
        int lineNumber = linesBefore; // lines before the current one
        String fence = null; // the opening fence's characters while in fenced code
        String htmlEnd = null; // what ends the HTML block we are in
        boolean previousBlank = true;
        int lineStart = 0;
        while (lineStart < source.length()) {
            int nl = source.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? source.length() : nl;
            String line = source.substring(lineStart, lineEnd);
            boolean blank = line.isBlank();
            if (fence != null) {
                if (closesFence(line, fence)) {
                    fence = null;
                }
            } else if (htmlEnd != null) {
                if (line.toLowerCase(Locale.ROOT).contains(htmlEnd)) {
                    htmlEnd = null;
                }
            } else if (isDefinition(line)) {
                return whole;
            } else if (previousBlank && isAtxHeading(line) && lineStart - chunkStart >= piece) {
                chunks.add(new Chunk(chunkStart, lineStart, chunkLinesBefore));
                chunkStart = lineStart;
                chunkLinesBefore = lineNumber;
            } else {
                fence = opensFence(line);
                if (fence == null) {
                    htmlEnd = htmlBlockEnd(line);
                }
            }
            previousBlank = blank;
            lineNumber++;
            lineStart = lineEnd + 1;
        }
        chunks.add(new Chunk(chunkStart, source.length(), chunkLinesBefore));
        return chunks;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && i < 4 && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** {@code #} to {@code ######} at the very start of the line, then a blank or the end of the line. */
    static boolean isAtxHeading(String line) {
        int i = 0;
        while (i < line.length() && i < 7 && line.charAt(i) == '#') {
            i++;
        }
        return i >= 1 && i <= 6 && (i == line.length() || line.charAt(i) == ' ' || line.charAt(i) == '\t');
    }

    /** The fence a line opens ({@code ```} or {@code ~~~}, three or more, indented less than four), else null. */
    static String opensFence(String line) {
        int i = indent(line);
        if (i > 3 || i >= line.length()) {
            return null;
        }
        char c = line.charAt(i);
        if (c != '`' && c != '~') {
            return null;
        }
        int j = i;
        while (j < line.length() && line.charAt(j) == c) {
            j++;
        }
        if (j - i < 3 || (c == '`' && line.indexOf('`', j) >= 0)) {
            return null;
        }
        return line.substring(i, j);
    }

    private static boolean closesFence(String line, String fence) {
        int i = indent(line);
        if (i > 3) {
            return false;
        }
        int j = i;
        while (j < line.length() && line.charAt(j) == fence.charAt(0)) {
            j++;
        }
        return j - i >= fence.length() && line.substring(j).isBlank();
    }

    /** What ends an HTML block that blank lines do not end (CommonMark's kinds 1 to 5), when the line starts one. */
    static String htmlBlockEnd(String line) {
        int i = indent(line);
        if (i > 3 || !line.startsWith("<", i)) {
            return null;
        }
        String lower = line.substring(i).toLowerCase(Locale.ROOT);
        for (String tag : List.of("pre", "script", "style", "textarea")) {
            if (lower.startsWith("<" + tag)
                    && (lower.length() == tag.length() + 1 || " \t>".indexOf(lower.charAt(tag.length() + 1)) >= 0)) {
                return endsOnItsLine(lower, "</" + tag + ">");
            }
        }
        if (lower.startsWith("<!--")) {
            return endsOnItsLine(lower.substring(4), "-->");
        }
        if (lower.startsWith("<?")) {
            return endsOnItsLine(lower.substring(2), "?>");
        }
        if (lower.startsWith("<![cdata[")) {
            return endsOnItsLine(lower, "]]>");
        }
        if (lower.length() > 2 && lower.charAt(1) == '!' && Character.isLetter(lower.charAt(2))) {
            return endsOnItsLine(lower, ">");
        }
        return null;
    }

    private static String endsOnItsLine(String rest, String end) {
        return rest.contains(end) ? null : end;
    }

    /** A line that may be a link reference definition: {@code [label]:} indented less than four. */
    private static boolean isDefinition(String line) {
        int i = 0; // after quote and list markers too: a definition in a list or quote counts for the whole runbook
        while (i < line.length() && " \t>-*+0123456789.)".indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        return line.startsWith("[", i) && line.indexOf("]:", i) > i;
    }

    /** A piece ended inside a block that runs on past it: the cut was wrong, the runbook is parsed whole. */
    static final class CutInside extends RuntimeException {
        CutInside() {
            super(null, null, false, false);
        }
    }

    /**
     * Whether a piece's last top-level block is one that the next piece's heading would not have ended in the whole
     * runbook: a fence never closed, or an HTML block of the kinds blank lines do not end, never ended. The cut points
     * are found by a line scan that cannot follow every construct (a fence line inside a {@code <details>} block, a
     * fence left open in a list item); flexmark's own result tells whether a cut was sound.
     */
    static boolean runsOn(Node last) {
        if (last instanceof FencedCodeBlock fence) {
            return fence.getClosingMarker().isEmpty();
        }
        if (last instanceof HtmlBlock || last instanceof HtmlCommentBlock) {
            String text = last.getChars().toString();
            int nl = text.indexOf('\n');
            String end = htmlBlockEnd(nl < 0 ? text : text.substring(0, nl));
            return end != null
                    && (nl < 0 || !text.substring(nl).toLowerCase(Locale.ROOT).contains(end));
        }
        return false;
    }
}
