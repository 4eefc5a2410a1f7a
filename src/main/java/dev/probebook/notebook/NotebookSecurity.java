package dev.probebook.notebook;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.probebook.security.BrowserSignIn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The browsers' filter chain: the sign-in pieces of {@link BrowserSignIn}, then Vaadin's configurer with the
 * notebook's sign-in page. Every page needs a signed-in user; views and actions check roles on the server.
 */
@Configuration
class NotebookSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, BrowserSignIn signIn) throws Exception {
        // the sign-in link, the stylesheet and the icon (the sign-in page needs them too) are open; Vaadin's own
        // resources are
        // permitted by its configurer, and Spring Boot's error page too, so that an API mistake answers 400/405/415,
        // not a redirect to sign-in
        http.authorizeHttpRequests(
                a -> a.requestMatchers(BrowserSignIn.TOKEN_PATH, "/notebook.css", "/favicon.svg", "/error")
                        .permitAll());
        signIn.applyTo(http, "/login");
        http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView(LoginView.class));
        return http.build();
    }
}
