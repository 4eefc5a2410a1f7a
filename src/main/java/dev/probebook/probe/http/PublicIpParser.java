package dev.probebook.probe.http;

import dev.probebook.command.Args;
import dev.probebook.command.UsageException;
import dev.probebook.net.IpFamily;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Recognises the public-IP form of curl: exactly one URL that is a known echo service, with only flags
 * that do not change what is asked ({@code -s -S -4 -6 -m SECONDS} and their long forms, clustered or
 * not). Anything else is left to the http probe.
 */
final class PublicIpParser {

    private PublicIpParser() {}

    static Optional<PublicIpCommand> parse(List<String> words) {
        String url = null;
        boolean silent = false;
        boolean showError = false;
        IpFamily ip = IpFamily.ANY;
        Duration maxTime = null;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "--silent" -> silent = true;
                case "--show-error" -> showError = true;
                case "--ipv4" -> ip = IpFamily.V4;
                case "--ipv6" -> ip = IpFamily.V6;
                case "--max-time" -> {
                    if (i + 1 >= words.size() || (maxTime = seconds(words.get(++i))) == null) {
                        return Optional.empty();
                    }
                }
                default -> {
                    if (w.startsWith("--")) {
                        return Optional.empty();
                    }
                    if (w.startsWith("-") && w.length() > 1) {
                        for (int k = 1; k < w.length(); k++) {
                            char c = w.charAt(k);
                            switch (c) {
                                case 's' -> silent = true;
                                case 'S' -> showError = true;
                                case '4' -> ip = IpFamily.V4;
                                case '6' -> ip = IpFamily.V6;
                                case 'm' -> {
                                    String rest = w.substring(k + 1);
                                    String value =
                                            !rest.isEmpty() ? rest : i + 1 < words.size() ? words.get(++i) : null;
                                    if (value == null || (maxTime = seconds(value)) == null) {
                                        return Optional.empty();
                                    }
                                    k = w.length();
                                }
                                default -> {
                                    return Optional.empty();
                                }
                            }
                        }
                    } else if (url == null && EchoServices.isEchoService(w)) {
                        url = w;
                    } else {
                        return Optional.empty();
                    }
                }
            }
        }
        return url == null ? Optional.empty() : Optional.of(new PublicIpCommand(url, silent, showError, ip, maxTime));
    }

    private static Duration seconds(String raw) {
        try {
            double s = Args.seconds("-m", raw, 0.001, 86_400);
            return Duration.ofNanos((long) (s * 1e9));
        } catch (UsageException e) {
            return null;
        }
    }
}
