package dev.probebook.notebook;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import dev.probebook.library.RunbookDiff;
import java.util.function.BiFunction;

/**
 * A {@link RunbookDiff} on the page: the commands that became steps or stopped being steps first, then the text with
 * added and removed lines marked and unchanged stretches folded.
 *
 * <p>Test contract: the box {@code data-diff}; lines {@code data-diff-line} ({@code added}, {@code removed},
 * {@code same}, {@code folded}); {@code data-command-added} / {@code data-command-removed}.
 */
final class DiffView {

    private DiffView() {}

    /** {@code t}: the view's {@code getTranslation(key, args...)}. */
    static Div of(RunbookDiff diff, BiFunction<String, Object[], String> t) {
        Div box = new Div();
        box.addClassName("diff");
        box.getElement().setAttribute("data-diff", diff.unchanged() ? "same" : "changed");
        for (String c : diff.commandsAdded()) {
            Div d = new Div(t.apply("diff.command-added", new Object[] {c}));
            d.addClassName("diff-command-added");
            d.getElement().setAttribute("data-command-added", c);
            box.add(d);
        }
        for (String c : diff.commandsRemoved()) {
            Div d = new Div(t.apply("diff.command-removed", new Object[] {c}));
            d.addClassName("diff-command-removed");
            d.getElement().setAttribute("data-command-removed", c);
            box.add(d);
        }
        if (diff.unchanged()) {
            box.add(new Div(t.apply("diff.same", new Object[0])));
            return box;
        }
        Element pre = new Element("pre");
        pre.getClassList().add("diff-text");
        for (RunbookDiff.Line l : diff.lines()) {
            Element line = new Element("div");
            String kind = l.kind().name().toLowerCase(java.util.Locale.ROOT);
            line.setAttribute("data-diff-line", kind);
            line.getClassList().add("diff-" + kind);
            String text = switch (l.kind()) {
                case ADDED -> "+ " + l.text();
                case REMOVED -> "- " + l.text();
                case SAME -> "  " + l.text();
                case FOLDED -> t.apply("diff.folded", new Object[] {Integer.parseInt(l.text())});
            };
            line.setText(text);
            pre.appendChild(line);
        }
        box.getElement().appendChild(pre);
        return box;
    }
}
