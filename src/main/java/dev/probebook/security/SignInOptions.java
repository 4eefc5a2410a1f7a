package dev.probebook.security;

import java.util.Map;

/**
 * How people sign in on this server: single-owner mode (no users, no OpenID Connect provider: the
 * console link) and the OpenID Connect providers by registration id and display name.
 */
public record SignInOptions(boolean ownerMode, Map<String, String> providers) {
    public SignInOptions {
        providers = Map.copyOf(providers);
    }
}
