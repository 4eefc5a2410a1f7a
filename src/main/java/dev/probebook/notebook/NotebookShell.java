package dev.probebook.notebook;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * App shell: Lumo theme and the notebook's own stylesheet (plain CSS from the top-level {@code frontend/} folder,
 * packaged under {@code META-INF/resources}, so no frontend build is needed), and server push so probe output
 * streams into the page as it is printed.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("notebook.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class NotebookShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "favicon.svg", "any");
        settings.addInlineWithContents(Inline.Position.PREPEND, ClientStartUp.SCRIPT, Inline.Wrapping.JAVASCRIPT);
    }
}
