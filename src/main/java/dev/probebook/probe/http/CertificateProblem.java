package dev.probebook.probe.http;

/**
 * Why a server certificate is not trusted, in OpenSSL's words and verify codes, which curl prints
 * ({@code SSL certificate problem: certificate has expired}, {@code verify result: ... (18)}).
 */
public enum CertificateProblem {
    NOT_YET_VALID("certificate is not yet valid", 9),
    EXPIRED("certificate has expired", 10),
    SELF_SIGNED("self-signed certificate", 18),
    SELF_SIGNED_IN_CHAIN("self-signed certificate in certificate chain", 19),
    UNKNOWN_ISSUER("unable to get local issuer certificate", 20);

    private final String text;
    private final int code;

    CertificateProblem(String text, int code) {
        this.text = text;
        this.code = code;
    }

    public String text() {
        return text;
    }

    public int code() {
        return code;
    }
}
