package dev.probebook.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A peer that goes away mid-conversation: on 127.0.0.1 it accepts one connection, sends a greeting, waits
 * a moment so the client is reading, then closes it (FIN) or resets it (SO_LINGER 0, so the client gets
 * an RST), as a crashing or restarting service does.
 */
public final class HangUpAfterBanner implements AutoCloseable {

    public enum How {
        CLOSE,
        RESET
    }

    private final ServerSocket server = new ServerSocket(0, 5, LoopbackServers.loopback());

    public HangUpAfterBanner(String banner, How how, long afterMillis) throws IOException {
        Thread t = new Thread(
                () -> {
                    try (Socket s = server.accept()) {
                        s.getOutputStream().write(banner.getBytes(StandardCharsets.ISO_8859_1));
                        s.getOutputStream().flush();
                        Thread.sleep(afterMillis);
                        if (how == How.RESET) {
                            s.setSoLinger(true, 0);
                        }
                    } catch (IOException | InterruptedException ignored) {
                        // the test looks at the client side
                    }
                },
                "hang-up-after-banner");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
