package dev.probebook.probe.dns;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * dig's column layout (BIND's master-file style): TTL at column 24, class at 32, type at 40, data at 48,
 * reached with tabs of width 8; a field that already passed its column gets one space instead.
 */
final class DigColumns {

    private static final int TAB = 8;

    private DigColumns() {}

    /** An answer, authority or additional record line. */
    static String record(Record r) {
        Line line = new Line();
        line.text(r.getName().toString());
        line.indent(24);
        line.text(Long.toString(r.getTTL()));
        line.indent(32);
        line.text(DClass.string(r.getDClass()));
        line.indent(40);
        line.text(Type.string(r.getType()));
        line.indent(48);
        line.text(RecordText.rdata(r));
        return line.toString();
    }

    /**
     * A question section line: {@code ;example.com.  IN  A} (no TTL column). The leading {@code ;} does not
     * count towards the columns, as in BIND.
     */
    static String question(Record q) {
        Line line = new Line();
        line.sb.append(';');
        line.text(q.getName().toString());
        line.indent(32);
        line.text(DClass.string(q.getDClass()));
        line.indent(40);
        line.text(Type.string(q.getType()));
        return line.toString();
    }

    /** Tracks the logical column the way BIND's {@code indent()} does. */
    private static final class Line {
        private final StringBuilder sb = new StringBuilder();
        private int column;

        void text(String s) {
            sb.append(s);
            column += s.length();
        }

        void indent(int to) {
            int target = Math.max(to, column + 1);
            int tabs = target / TAB - column / TAB;
            if (tabs > 0) {
                sb.append("\t".repeat(tabs)).append(" ".repeat(target % TAB));
            } else {
                sb.append(" ".repeat(target - column));
            }
            column = target;
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
