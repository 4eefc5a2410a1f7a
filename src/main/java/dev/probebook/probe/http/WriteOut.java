package dev.probebook.probe.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * curl's {@code -w} format: {@code %{variable}}, {@code %header{name}}, {@code %%}, and the escapes
 * {@code \n}, {@code \r}, {@code \t} (any other backslash pair is printed as written). Note that a shell
 * removes an unquoted backslash first: {@code -w "%{http_code}"\n} reaches curl as {@code %{http_code}n}
 * and prints {@code 200n}.
 */
final class WriteOut {

    /** The rendered text and the warnings curl prints on stderr for unknown variables. */
    record Rendered(String text, List<String> warnings) {}

    private WriteOut() {}

    /**
     * @param variables values by name; a name absent from the map is unknown
     * @param header    response header value by name, null when absent
     * @param succeeded whether the transfer succeeded ({@code %{onerror}} stops the output on success)
     */
    static Rendered render(
            String format, Map<String, String> variables, UnaryOperator<String> header, boolean succeeded) {
        StringBuilder out = new StringBuilder();
        List<String> warnings = new ArrayList<>();
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < n) {
                char next = format.charAt(i + 1);
                if (next == '%') {
                    out.append('%');
                    i += 2;
                } else if (next == '{') {
                    int end = format.indexOf('}', i + 2);
                    if (end < 0) {
                        out.append("%{");
                        i += 2;
                        continue;
                    }
                    String name = format.substring(i + 2, end);
                    i = end + 1;
                    if (name.equals("onerror")) {
                        if (succeeded) {
                            break;
                        }
                    } else if (name.equals("stdout") || name.equals("stderr")) {
                        continue; // both go to the same terminal here
                    } else if (variables.containsKey(name)) {
                        out.append(variables.get(name));
                    } else {
                        warnings.add("curl: unknown --write-out variable: '" + name + "'");
                    }
                } else if (format.startsWith("%header{", i) && format.indexOf('}', i) > 0) {
                    int end = format.indexOf('}', i);
                    String value = header.apply(format.substring(i + 8, end).toLowerCase(Locale.ROOT));
                    out.append(value == null ? "" : value);
                    i = end + 1;
                } else {
                    out.append('%').append(next);
                    i += 2;
                }
            } else if (c == '\\' && i + 1 < n) {
                char next = format.charAt(i + 1);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    default -> out.append('\\').append(next);
                }
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Rendered(out.toString(), warnings);
    }

    /** curl prints times as seconds with six decimals. */
    static String seconds(long nanos) {
        long micros = Math.max(0, nanos) / 1000;
        return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }
}
