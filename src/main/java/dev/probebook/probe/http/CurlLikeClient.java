package dev.probebook.probe.http;

import java.net.Proxy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The OkHttp settings that make a request behave as one curl request, shared by curl and the public-IP
 * probe: no proxy from the environment, redirects and retries left to the caller (curl follows only with
 * {@code -L}), one address at a time (no happy-eyeballs race, so the connect lines match curl's), and a
 * connect timeout of at least 1 ms (OkHttp reads 0 as "no timeout"). Callers add DNS, TLS and listeners.
 */
public final class CurlLikeClient {

    private CurlLikeClient() {}

    public static OkHttpClient.Builder builder(ConnectionPool pool, Duration connectTimeout) {
        return new OkHttpClient.Builder()
                .connectionPool(pool)
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .fastFallback(false)
                .connectTimeout(Math.max(1, connectTimeout.toMillis()), TimeUnit.MILLISECONDS);
    }
}
