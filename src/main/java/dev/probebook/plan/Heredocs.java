package dev.probebook.plan;

import dev.probebook.runbook.CodeBlock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Here-documents in a runbook's blocks: {@code cat > curl-format.txt <<'EOF'} ... {@code EOF}. Their bodies are file
 * contents, never commands; and a file one writes can be named by a later command of the same runbook, which then
 * reads it from the runbook, never from the disk: {@code curl -w "@curl-format.txt"} gets the format inline, as curl
 * reads such a file (line breaks dropped).
 */
final class Heredocs {

    /** {@code cat > FILE <<TAG}, {@code cat <<TAG > FILE}, {@code tee FILE <<TAG} (tags may be quoted, {@code <<-}). */
    private static final Pattern START = Pattern.compile("<<-?\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");

    private static final Pattern WRITTEN_TO =
            Pattern.compile("^(?:sudo\\s+)?(?:cat\\s*(?:<<-?\\s*\\S+\\s*)?>\\s*|tee\\s+(?:-a\\s+)?)([^\\s<>|;&'\"]+)");

    /** {@code -w @FILE}, {@code --write-out=@FILE}, quoted or not. */
    private static final Pattern WRITE_OUT_FILE =
            Pattern.compile("(?<=\\s)(-w|--write-out)(\\s+|=)([\"']?)@([^\\s\"']+)\\3(?=\\s|$)");

    private Heredocs() {}

    /** The word that ends the here-document this line starts, or null when it starts none. */
    static String terminator(String line) {
        if (line.indexOf("<<") < 0) {
            return null; // asked of every line the planner reads
        }
        Matcher m = START.matcher(line);
        return m.find() ? m.group(2) : null;
    }

    /**
     * Why a line that writes a file with a here-document is not run, saying where the file's content still serves;
     * null for any other line.
     */
    static String notRunReason(String line) {
        if (terminator(line) == null) {
            return null;
        }
        Matcher to = WRITTEN_TO.matcher(line);
        return to.find()
                ? "a here-document: Probebook writes no file, but a curl -w @" + to.group(1)
                        + " in this runbook reads its content from here"
                : null;
    }

    /** Every file the blocks write with a here-document, by the name written (the last one written wins). */
    static Map<String, String> files(List<CodeBlock> blocks) {
        Map<String, String> files = new HashMap<>();
        for (CodeBlock code : blocks) {
            List<String> lines = code.lines();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                String tag = terminator(line);
                if (tag == null) {
                    continue;
                }
                StringBuilder body = new StringBuilder();
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).strip().equals(tag)) {
                    body.append(lines.get(j).replace("\r", "")); // curl drops a format file's line breaks
                    j++;
                }
                Matcher to = WRITTEN_TO.matcher(line);
                if (to.find() && j < lines.size()) {
                    files.put(to.group(1), body.toString());
                }
                i = j;
            }
        }
        return files;
    }

    /** The line with each {@code -w @FILE} the runbook wrote replaced by that format, single-quoted for the shell. */
    static String inlineWriteOut(String line, Map<String, String> files) {
        if (files.isEmpty() || line.indexOf('@') < 0) {
            return line;
        }
        Matcher m = WRITE_OUT_FILE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String content = files.get(m.group(4));
            String replacement = content == null ? m.group() : m.group(1) + " '" + content.replace("'", "'\\''") + "'";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
