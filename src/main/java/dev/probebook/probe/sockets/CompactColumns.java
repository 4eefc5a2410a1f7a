package dev.probebook.probe.sockets;

import java.util.ArrayList;
import java.util.List;

/**
 * ss's column layout when its output is not a terminal (as in a pipe, and here): every field is
 * buffered first, each column becomes as wide as its widest field plus its left delimiter, right-aligned
 * columns are padded on the left and left-aligned ones on the right. No extra spacing is spread across the
 * line, which ss only does for a terminal's width.
 */
final class CompactColumns {

    /** One column: its left delimiter ({@code " "} or {@code ""}) and whether it is right-aligned. */
    record Column(String delimiter, boolean right) {}

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    CompactColumns(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Adds a row with one field per column. */
    void add(List<String> fields) {
        if (fields.size() != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " fields, got " + fields.size());
        }
        rows.add(List.copyOf(fields));
    }

    /** The rows laid out, in the order added. */
    List<String> render() {
        int[] widths = widths();
        List<String> out = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                String field = row.get(c);
                int printed = 0;
                if (c > 0) {
                    line.append(col.delimiter());
                    printed = col.delimiter().length();
                }
                if (widths[c] > 0 && col.right()) {
                    printed += pad(line, widths[c] - field.length() - printed);
                }
                line.append(field);
                printed += field.length();
                if (widths[c] > 0 && !col.right()) {
                    pad(line, widths[c] - printed);
                }
            }
            out.add(line.toString());
        }
        return out;
    }

    /** ss's first pass: content width, plus the delimiter for every column after the first non-empty one. */
    private int[] widths() {
        int[] widths = new int[columns.size()];
        boolean first = true;
        for (int c = 0; c < columns.size(); c++) {
            int max = 0;
            for (List<String> row : rows) {
                max = Math.max(max, row.get(c).length());
            }
            widths[c] = !first && max > 0 ? max + columns.get(c).delimiter().length() : max;
            if (widths[c] > 0) {
                first = false;
            }
        }
        return widths;
    }

    private static int pad(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(' ');
        }
        return Math.max(n, 0);
    }
}
