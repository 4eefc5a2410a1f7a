package dev.probebook.security;

import dev.probebook.access.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user from configuration: {@code probebook.users.NAME.password-hash} and {@code probebook.users.NAME.roles}.
 * Only password hashes are accepted (bcrypt, pbkdf2, scrypt, argon2 in Spring Security's {@code {id}}
 * form, or a bare bcrypt {@code $2a$...}); a plain-text or {@code {noop}} password stops the app at start.
 */
record ConfiguredUser(String name, String passwordHash, Set<Role> roles) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern BARE_BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    private static final List<String> HASH_IDS = List.of(
            "{bcrypt}",
            "{pbkdf2}",
            "{pbkdf2@SpringSecurity_v5_8}",
            "{scrypt}",
            "{scrypt@SpringSecurity_v5_8}",
            "{argon2}",
            "{argon2@SpringSecurity_v5_8}");

    static ConfiguredUser of(String name, String passwordHash, String roles) {
        String key = "probebook.users." + name;
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(key + ": a user name is 1-64 letters, digits or . _ @ -");
        }
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new IllegalArgumentException(
                    key + ".password-hash is missing (make one with: ./probebook hash-password)");
        }
        String hash = passwordHash.trim();
        if (BARE_BCRYPT.matcher(hash).matches()) {
            hash = "{bcrypt}" + hash;
        }
        String h = hash;
        if (HASH_IDS.stream().noneMatch(id -> h.startsWith(id) && h.length() > id.length() + 10)) {
            throw new IllegalArgumentException(
                    key + ".password-hash is not a password hash: plain-text passwords are not"
                            + " accepted. Make a hash with: ./probebook hash-password");
        }
        if (roles == null || roles.isBlank()) {
            throw new IllegalArgumentException(key + ".roles is missing (viewer, operator, editor or admin)");
        }
        Set<Role> parsed = new HashSet<>();
        for (String r : roles.split(",")) {
            if (!r.isBlank()) {
                try {
                    parsed.add(Role.parse(r));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + ".roles: " + e.getMessage());
                }
            }
        }
        return new ConfiguredUser(name, hash, parsed);
    }
}
