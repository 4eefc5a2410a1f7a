package dev.probebook.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS service on one loopback address (the JDK's {@link HttpsServer}) that answers every request with 200 and
 * a short text naming itself. Threads: the server's own dispatcher thread (a daemon) accepts; each exchange runs on a virtual
 * thread. {@link #close()} stops at once (no grace period) and frees the port.
 */
final class HttpsService implements AutoCloseable {

    private final HttpsServer server;
    private final ExecutorService exchanges;

    private HttpsService(HttpsServer server, ExecutorService exchanges) {
        this.server = server;
        this.exchanges = exchanges;
    }

    /** Binds {@code address:port} (0: any free port) and starts serving {@code body} over TLS from {@code tls}. */
    static HttpsService start(InetAddress address, int port, SSLContext tls, String body) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(address, port), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(exchanges);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> answer(exchange, bytes));
        DaemonStart.run(server::start);
        return new HttpsService(server, exchanges);
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.getResponseHeaders().set("Server", "probebook-lab");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        exchanges.shutdownNow();
    }
}
