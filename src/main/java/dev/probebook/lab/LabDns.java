package dev.probebook.lab;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import org.xbill.DNS.Message;

/**
 * The lab's DNS server: UDP and TCP on the same port of one loopback address, answering from {@link LabZone} and
 * from nothing else (it never forwards, so a query for a real name gets NXDOMAIN, not an answer from outside).
 *
 * <p>Threads: one virtual thread reads UDP queries and answers each in turn; one accepts TCP connections and serves
 * each (one query, as dig and nslookup send) on a virtual thread of its own with a 5 s read timeout. {@link #close()}
 * closes both sockets, which ends the threads.
 */
final class LabDns implements AutoCloseable {

    private static final int TCP_READ_TIMEOUT_MILLIS = 5000;

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final LabZone zone;

    private LabDns(DatagramSocket udp, ServerSocket tcp, LabZone zone) {
        this.udp = udp;
        this.tcp = tcp;
        this.zone = zone;
    }

    /**
     * Binds UDP and TCP at {@code address:port}; with port 0 it looks for a port free for both. A
     * {@link BindException} when either is taken at a given port.
     */
    static LabDns start(InetAddress address, int port, LabZone zone) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            ServerSocket tcp = new ServerSocket();
            try {
                tcp.bind(new InetSocketAddress(address, port), 50);
            } catch (IOException e) {
                tcp.close();
                throw e;
            }
            try {
                DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, tcp.getLocalPort()));
                LabDns dns = new LabDns(udp, tcp, zone);
                Thread.ofVirtual().name("lab-dns-udp").start(dns::serveUdp);
                Thread.ofVirtual().name("lab-dns-tcp").start(dns::acceptTcp);
                return dns;
            } catch (BindException e) {
                tcp.close();
                if (port != 0) {
                    throw e;
                }
                // the kernel's free TCP port is taken for UDP: try another pair
            }
        }
        throw new BindException("no port free for both UDP and TCP on " + address.getHostAddress());
    }

    int port() {
        return udp.getLocalPort();
    }

    private void serveUdp() {
        byte[] buf = new byte[65535];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(packet);
                byte[] reply = reply(Arrays.copyOf(packet.getData(), packet.getLength()));
                if (reply != null) {
                    udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                if (udp.isClosed()) {
                    return;
                }
            }
        }
    }

    private void acceptTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket s = tcp.accept();
                Thread.ofVirtual().name("lab-dns-tcp-query").start(() -> serveTcp(s));
            } catch (IOException e) {
                if (tcp.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serveTcp(Socket s) {
        try (s) {
            s.setSoTimeout(TCP_READ_TIMEOUT_MILLIS);
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] wire = new byte[in.readUnsignedShort()];
            in.readFully(wire);
            byte[] reply = reply(wire);
            if (reply != null) {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeShort(reply.length);
                out.write(reply);
                out.flush();
            }
        } catch (IOException e) {
            // the client left or sent garbage: nothing to answer
        }
    }

    /** The wire reply, or null for bytes that are not a DNS query (dropped, as a server does). */
    private byte[] reply(byte[] query) {
        try {
            return zone.answer(new Message(query)).toWire();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
