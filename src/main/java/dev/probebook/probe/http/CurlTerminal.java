package dev.probebook.probe.http;

import dev.probebook.probe.ProbeContext;

/**
 * curl's stdout and stderr as one terminal: text is written as curl writes it and handed to the engine
 * line by line. A body without a final newline runs into what follows ({@code hello200} for
 * {@code -w "%{http_code}"}, or curl's {@code * Connection #0 ... left intact} after it), as on a real
 * terminal. Used from the run thread only.
 */
public final class CurlTerminal {

    private final ProbeContext ctx;
    private final StringBuilder partial = new StringBuilder();

    public CurlTerminal(ProbeContext ctx) {
        this.ctx = ctx;
    }

    /** Writes text that may contain newlines and may end mid-line. */
    public void write(String text) {
        int start = 0;
        int nl;
        while ((nl = text.indexOf('\n', start)) >= 0) {
            partial.append(text, start, nl);
            ctx.out(partial.toString());
            partial.setLength(0);
            start = nl + 1;
        }
        partial.append(text, start, text.length());
    }

    /** Writes a whole line (curl's stderr messages always end with a newline). */
    public void line(String text) {
        write(text + "\n");
    }

    /** Emits a pending partial line; call once at the end of the run. */
    public void flush() {
        if (!partial.isEmpty()) {
            ctx.out(partial.toString());
            partial.setLength(0);
        }
    }
}
