package dev.probebook.notebook;

import com.vaadin.flow.dom.Element;

/**
 * Links within a page ({@code href="#..."}: the table of contents, heading anchors, "looks like" links to an example,
 * Run all's links to each step) scroll within the page and keep it whole. The app shell's {@code <base href>} would
 * otherwise resolve them against the app's root and leave the page, losing its variables and outputs. A followed link
 * opens the example it points to, and the address keeps its path and query with the new {@code #fragment}.
 *
 * <p>A deep link ({@code /runbook/NAME#section}) scrolls to its section once the section is on the page (a long
 * runbook arrives in parts, so this is asked again after each part).
 */
final class InPageLinks {

    private InPageLinks() {}

    /**
     * Installs the page's one click handler for in-page links and {@code window.probebookTargetOf}, which finds the
     * element a fragment names and opens it if it is an example (idempotent: once per browser page).
     */
    private static final String INSTALL = """
            if (!window.probebookTargetOf) {
              window.probebookTargetOf = (fragment) => {
                let id = fragment;
                try { id = decodeURIComponent(id); } catch (ignored) { /* the fragment as written */ }
                const target = document.getElementById(id);
                if (target && target.localName === 'details') {
                  target.open = true;
                }
                return target;
              };
              for (const kind of ['wheel', 'touchstart', 'keydown', 'mousedown']) {
                document.addEventListener(kind, () => { window.probebookUserMoved = Date.now(); }, {passive: true});
              }
              document.addEventListener('click', (e) => {
                const a = e.target.closest ? e.target.closest('a[href^="#"]') : null;
                if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
                  return;
                }
                e.preventDefault();
                const target = window.probebookTargetOf(a.getAttribute('href').slice(1));
                if (!target) {
                  return;
                }
                target.scrollIntoView({block: 'start'});
                history.replaceState(history.state, '', location.pathname + location.search + '#' + encodeURIComponent(target.id));
              });
            }""";

    /**
     * Scrolls to the address's fragment if its element is in {@code $0} and this rendering ({@code $1}) has not done
     * so yet; run after {@link #INSTALL}.
     */
    private static final String SCROLL_TO_FRAGMENT = """
            if (location.hash.length > 1 && $0.probebookScrolledFor !== $1) {
              const target = window.probebookTargetOf(location.hash.slice(1));
              if (target && $0.contains(target)) {
                $0.probebookScrolledFor = $1;
                // Widgets above the target still build and parts still arrive as it comes into view, which can push
                // it away: follow it for a moment, unless the reader has moved meanwhile.
                const since = Date.now();
                const follow = () => {
                  if (!(window.probebookUserMoved > since)) {
                    target.scrollIntoView({block: 'start'});
                  }
                };
                follow();
                for (const ms of [200, 600, 1200]) {
                  setTimeout(follow, ms);
                }
              }
            }""";

    /**
     * For a view that shows a runbook: in-page links stay on the page, and a deep link finds its section.
     *
     * @param rendering names this rendering of the view (a view reused for another runbook scrolls again)
     */
    static void keepOnPage(Element view, String rendering) {
        view.executeJs(INSTALL);
        view.executeJs(SCROLL_TO_FRAGMENT, view, rendering);
    }
}
