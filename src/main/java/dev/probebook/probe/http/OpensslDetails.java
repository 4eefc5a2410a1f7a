package dev.probebook.probe.http;

import dev.probebook.probe.ProbeDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code openssl s_client} found: where it connected, the TLS version and cipher agreed (null when the handshake
 * did not finish), OpenSSL's verify result, and the chain the server presented, leaf first.
 *
 * @param verifyCode OpenSSL's verify return code (0: ok, 10: expired, 18: self-signed, ...); -1 before a handshake
 */
public record OpensslDetails(
        String host,
        int port,
        String address,
        String serverName,
        String protocol,
        String cipher,
        int verifyCode,
        String verifyText,
        List<HttpDetails.Certificate> chain,
        String error)
        implements ProbeDetails {

    public OpensslDetails {
        chain = List.copyOf(chain);
    }

    @Override
    public Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("TLS", protocol == null ? (error == null ? "no handshake" : error) : protocol + " " + cipher);
        if (verifyCode >= 0) {
            f.put("verify return code", verifyCode + " (" + verifyText + ")");
        }
        if (!chain.isEmpty()) {
            f.put("certificate", chain.get(0).subject());
            f.put("certificate days left", String.valueOf(chain.get(0).daysLeft()));
            f.put("chain length", String.valueOf(chain.size()));
        }
        return f;
    }
}
