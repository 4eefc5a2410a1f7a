package dev.probebook.security;

import dev.probebook.access.Role;
import dev.probebook.audit.AuditAction;
import dev.probebook.audit.AuditEvent;
import dev.probebook.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who may use the web app. Every page needs a signed-in user; views and actions check roles on the
 * server ({@code @PermitAll}/{@code @RolesAllowed} on views, {@code ProbeGate} for runs).
 * <ul>
 *   <li>Team mode: users from {@code probebook.users.NAME.password-hash / roles} (hashes only) and/or
 *       OpenID Connect providers from Spring Security's standard {@code spring.security.oauth2.client.*}.</li>
 *   <li>Single-owner mode (neither configured): a one-time sign-in link printed to the console.</li>
 *   <li>{@code /api/**}: a separate stateless chain with HTTP Basic for configured users. No session
 *       cookie is issued or honoured there, so a forged cross-site request has no credentials to ride on,
 *       which is why CSRF tokens are not needed on that chain; the browser chain keeps CSRF protection
 *       (Vaadin's own token for its requests, Spring Security's for the login form).</li>
 * </ul>
 * Session cookies are HttpOnly and SameSite=Lax; Tomcat marks them Secure whenever the request came over
 * HTTPS (directly or, with {@code server.forward-headers-strategy}, through a proxy).
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    @Bean
    UserDirectory userDirectory(Environment env) {
        return UserDirectory.from(env);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserDirectory directory) {
        List<UserDetails> users = new ArrayList<>();
        directory
                .users()
                .values()
                .forEach(u -> users.add(User.withUsername(u.name())
                        .password(u.passwordHash())
                        .authorities(UserDirectory.authorities(u.roles()))
                        .build()));
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    SignInOptions signInOptions(UserDirectory directory, ObjectProvider<ClientRegistrationRepository> registrations) {
        Map<String, String> providers = new LinkedHashMap<>();
        if (registrations.getIfAvailable() instanceof InMemoryClientRegistrationRepository repo) {
            for (ClientRegistration r : repo) {
                providers.put(r.getRegistrationId(), r.getClientName());
            }
        }
        return new SignInOptions(directory.isEmpty() && providers.isEmpty(), providers);
    }

    @Bean
    OwnerLink ownerLink() {
        return new OwnerLink(System.getProperty("user.name", "owner"), System.out);
    }

    /** Prints the owner's link once the port is known (single-owner mode), or what team mode has configured. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> printOwnerLink(
            SignInOptions options, OwnerLink link, Environment env, UserDirectory directory) {
        return event -> {
            if (!options.ownerMode()) {
                System.out.println("Probebook: team mode: " + directory.users().size() + " configured user(s)"
                        + (options.providers().isEmpty()
                                ? ""
                                : ", sign-in with "
                                        + String.join(", ", options.providers().values()))
                        + "; listening on port " + event.getWebServer().getPort());
                return;
            }
            String address = env.getProperty("server.address", "127.0.0.1");
            if (address.isBlank() || address.equals("0.0.0.0") || address.equals("::")) {
                address = "127.0.0.1";
            }
            String host = address.contains(":") ? "[" + address + "]" : address;
            int port = event.getWebServer().getPort();
            link.baseUrl(() -> "http://" + host + ":" + port);
            link.print("Probebook is running. No users are configured: sign in with this one-time link");
        };
    }

    @Bean
    SignInThrottle signInThrottle() {
        return new SignInThrottle(Clock.systemUTC());
    }

    @Bean
    ApplicationListener<AbstractAuthenticationFailureEvent> auditSignInFailure(
            AuditLog audit, SignInThrottle throttle) {
        return e -> {
            String from = remote(e.getAuthentication());
            String name = String.valueOf(e.getAuthentication().getName());
            SignInThrottle.Failure failure = from == null ? SignInThrottle.Failure.AUDIT : throttle.failed(name, from);
            if (failure == SignInThrottle.Failure.QUIET) {
                return; // held back already: counted, not written one by one
            }
            audit.record(new AuditEvent(
                    Instant.ofEpochMilli(e.getTimestamp()),
                    name,
                    AuditAction.SIGN_IN_FAILED,
                    null,
                    null,
                    null,
                    from,
                    null,
                    null,
                    e.getException().getMessage()
                            + (failure == SignInThrottle.Failure.FLOOD
                                    ? "; too many failed sign-ins in a minute: attempts for " + name + " from " + from
                                            + " are held back for a minute and refused without a record each"
                                    : "")));
        };
    }

    /**
     * Requests must address the app by a host name it answers to ({@link AllowedHosts}); any other {@code Host} is
     * refused with 400 before anything else looks at the request (DNS rebinding).
     */
    @Bean
    WebSecurityCustomizer allowedHostsOnly(Environment env) {
        List<String> configured = Arrays.stream(
                        env.getProperty("probebook.allowed-hosts", "").split(","))
                .map(String::strip)
                .filter(h -> !h.isEmpty())
                .toList();
        AllowedHosts hosts = AllowedHosts.of(configured, env.getProperty("server.address", "127.0.0.1"));
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHostnames(hosts);
        return web -> web.httpFirewall(firewall);
    }

    /** Sessions of visitors who have not signed in: short-lived and capped (see {@link AnonymousSessions}). */
    @Bean
    AnonymousSessions anonymousSessions() {
        return new AnonymousSessions();
    }

    /** What signing in does to the session: it gets the configured lifetime ({@code server.servlet.session.timeout}). */
    @Bean
    SignedInSessions signedInSessions(AnonymousSessions sessions, Environment env) {
        Duration timeout = Binder.get(env)
                .bind("server.servlet.session.timeout", Duration.class)
                .orElse(Duration.ofMinutes(30));
        return session -> sessions.signedIn(session, timeout);
    }

    /** Signing in with the form or OpenID Connect promotes the session. */
    @Bean
    ApplicationListener<InteractiveAuthenticationSuccessEvent> promoteSignedInSession(SignedInSessions signedIn) {
        return e -> {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
                HttpSession session = request.getRequest().getSession(false);
                if (session != null) {
                    signedIn.promote(session);
                }
            }
        };
    }

    /** A successful sign-in makes its address known for the account: a flood elsewhere does not hold it back. */
    @Bean
    ApplicationListener<AuthenticationSuccessEvent> rememberKnownAddress(SignInThrottle throttle) {
        return e -> {
            String from = remote(e.getAuthentication());
            if (from != null) {
                throttle.succeeded(e.getAuthentication().getName(), from);
            }
        };
    }

    private static String remote(Authentication auth) {
        return auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            UserDetailsService users,
            PasswordEncoder encoder,
            ObjectProvider<AuthenticationEventPublisher> events,
            SignInThrottle throttle)
            throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(new RememberedCredentials(passwords, Clock.systemUTC()));
        events.ifAvailable(manager::setAuthenticationEventPublisher);
        http.addFilterBefore(new ThrottledSignIn(throttle), BasicAuthenticationFilter.class);
        http.securityMatcher("/api/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfig::unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfig::unauthorized))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    /**
     * 401 written directly: {@code sendError} would forward to {@code /error}, which the page chain turns
     * into a redirect to the sign-in page. No {@code WWW-Authenticate: Basic} header, so browsers never
     * prompt for and cache credentials that a cross-site request could then carry.
     */
    private static void unauthorized(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setStatus(401);
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"sign in: HTTP Basic with a user from probebook.users\"}");
    }

    /** The browser sign-in pieces; the notebook's own filter chain applies them beside Vaadin's configurer. */
    @Bean
    BrowserSignIn browserSignIn(
            SignInOptions options,
            OwnerLink link,
            AuditLog audit,
            SignInThrottle throttle,
            SignedInSessions signedIn,
            ObjectProvider<ClientRegistrationRepository> registrations,
            Environment env) {
        OidcRoles roles = registrations.getIfAvailable() == null
                ? null
                : new OidcRoles(
                        env.getProperty("probebook.oidc.roles-claim", "groups"),
                        Role.parse(env.getProperty("probebook.oidc.default-role", "viewer")));
        return new BrowserSignIn(options, link, audit, throttle, signedIn, roles);
    }
}
