package dev.probebook.probe.http;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Certificates and ciphers written as OpenSSL 3 writes them in {@code s_client} and {@code x509}: names on one line
 * ({@code C = KR, O = Example, CN = www.example.com}), keys ({@code rsaEncryption, 2048 (bit)}), signature
 * algorithms ({@code RSA-SHA256}), OpenSSL's cipher suite names for TLS 1.2 ({@code ECDHE-RSA-AES128-GCM-SHA256})
 * and PEM blocks. Compared against OpenSSL 3.0 on loopback.
 */
final class OpensslText {

    private OpensslText() {}

    /** A distinguished name as OpenSSL's default one-line form, most significant part (C) first. */
    static String name(X500Principal principal) {
        try {
            List<String> parts = new ArrayList<>();
            for (Rdn rdn : new LdapName(principal.getName(
                            X500Principal.RFC2253, java.util.Map.of("1.2.840.113549.1.9.1", "emailAddress")))
                    .getRdns()) {
                parts.add(rdn.getType() + " = " + rdn.getValue());
            }
            return String.join(", ", parts);
        } catch (InvalidNameException e) {
            return principal.getName();
        }
    }

    /** {@code rsaEncryption, 2048 (bit)}, {@code id-ecPublicKey, 256 (bit)}. */
    static String key(PublicKey key) {
        return keyType(key) + ", " + keyBits(key) + " (bit)";
    }

    static String keyType(PublicKey key) {
        return switch (key) {
            case RSAPublicKey r -> "rsaEncryption";
            case ECPublicKey e -> "id-ecPublicKey";
            default -> key.getAlgorithm().toUpperCase(Locale.ROOT);
        };
    }

    static int keyBits(PublicKey key) {
        return switch (key) {
            case RSAPublicKey r -> r.getModulus().bitLength();
            case ECPublicKey e -> e.getParams().getCurve().getField().getFieldSize();
            default -> key.getAlgorithm().equalsIgnoreCase("Ed25519") ? 253 : 0;
        };
    }

    /** Java's {@code SHA256withRSA} as OpenSSL's {@code RSA-SHA256}; {@code SHA256withECDSA} as {@code ecdsa-with-SHA256}. */
    static String signatureAlgorithm(X509Certificate cert) {
        String java = cert.getSigAlgName();
        int with = java.indexOf("with");
        if (with < 0) {
            return java.equals("RSASSA-PSS") ? "RSASSA-PSS" : java;
        }
        String digest = java.substring(0, with);
        String key = java.substring(with + 4);
        return switch (key) {
            case "RSA" -> "RSA-" + digest;
            case "ECDSA" -> "ecdsa-with-" + digest;
            default -> java;
        };
    }

    /**
     * OpenSSL's name of a cipher suite: TLS 1.3 suites keep their IANA names; TLS 1.2 ones are written the OpenSSL way
     * ({@code TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384} is {@code ECDHE-RSA-AES256-GCM-SHA384}).
     */
    static String cipher(String iana) {
        int with = iana.indexOf("_WITH_");
        if (!iana.startsWith("TLS_") || with < 0) {
            return iana;
        }
        String exchange = iana.substring(4, with);
        String rest = iana.substring(with + 6);
        String kx = switch (exchange) {
            case "RSA" -> "";
            case "ECDHE_RSA" -> "ECDHE-RSA-";
            case "ECDHE_ECDSA" -> "ECDHE-ECDSA-";
            case "DHE_RSA" -> "DHE-RSA-";
            case "DHE_DSS" -> "DHE-DSS-";
            default -> exchange.replace('_', '-') + "-";
        };
        if (rest.startsWith("CHACHA20_POLY1305")) {
            return kx + "CHACHA20-POLY1305";
        }
        String body = rest.replaceFirst("^AES_(128|256)_", "AES$1_")
                .replace("_CBC_", "_")
                .replace('_', '-');
        return kx + body;
    }

    /** The certificate as a PEM block, 64 characters a line. */
    static List<String> pem(X509Certificate cert) {
        List<String> lines = new ArrayList<>();
        lines.add("-----BEGIN CERTIFICATE-----");
        try {
            String b64 = Base64.getEncoder().encodeToString(cert.getEncoded());
            for (int i = 0; i < b64.length(); i += 64) {
                lines.add(b64.substring(i, Math.min(b64.length(), i + 64)));
            }
        } catch (CertificateEncodingException e) {
            lines.add("(the certificate cannot be encoded: " + e.getMessage() + ")");
        }
        lines.add("-----END CERTIFICATE-----");
        return lines;
    }

    /** {@code SHA1 Fingerprint=76:5D:...} as x509 prints it (the digest name as given, SHA1 by default). */
    static String fingerprint(X509Certificate cert, String digest) {
        try {
            String algorithm = digest.toUpperCase(Locale.ROOT).replace("SHA", "SHA-");
            byte[] hash = MessageDigest.getInstance(algorithm).digest(cert.getEncoded());
            return digest + " Fingerprint="
                    + HexFormat.ofDelimiter(":").withUpperCase().formatHex(hash);
        } catch (GeneralSecurityException e) {
            return digest + " Fingerprint=(" + e.getMessage() + ")";
        }
    }

    /** The serial number in upper-case hex, as {@code serial=} prints it. */
    static String serial(X509Certificate cert) {
        String hex = cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 1 ? "0" + hex : hex;
    }
}
