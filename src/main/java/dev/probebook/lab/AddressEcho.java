package dev.probebook.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The lab's "what is my address" service (plain HTTP), standing in for ifconfig.me: it answers every request with
 * the address the connection came from and a newline, the one-line form the public-IP probe expects. In the lab
 * that is a loopback address, which is the honest answer: the traffic never left the machine.
 *
 * <p>Threads: the server's dispatcher thread (a daemon) accepts; each exchange runs on a virtual thread. {@link #close()} stops at
 * once and frees the port.
 */
final class AddressEcho implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService exchanges;

    private AddressEcho(HttpServer server, ExecutorService exchanges) {
        this.server = server;
        this.exchanges = exchanges;
    }

    /** Binds {@code address:port} (0: any free port) and starts answering. */
    static AddressEcho start(InetAddress address, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 50);
        ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(exchanges);
        server.createContext("/", AddressEcho::answer);
        DaemonStart.run(server::start);
        return new AddressEcho(server, exchanges);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] body = (exchange.getRemoteAddress().getAddress().getHostAddress() + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=us-ascii");
            if (exchange.getRequestMethod().equals("HEAD")) {
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

    /** The URL to ask, for {@code probebook.public-ip.url}. */
    String url() {
        return "http://" + LabZone.ADDRESS + ":" + port() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
        exchanges.shutdownNow();
    }
}
