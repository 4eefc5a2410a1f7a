package dev.probebook.probe.dns;

import dev.probebook.probe.ProbeContext;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;

/**
 * Sends one DNS query to one server and waits for the reply, over UDP (re-sent {@code tries} times, one
 * per-try timeout each) with a retry over TCP when the reply is truncated, or over TCP only.
 *
 * <p>Timeouts: the caller passes the per-try timeout; the total wait is clamped to the run's deadline
 * here. Cancellation: every socket is registered with {@link ProbeContext#closeOnCancel}, so a stop
 * closes it and the blocked receive ends in {@link InterruptedException}. Network failures are returned
 * as {@link Exchange.NoReply}, never thrown.
 */
final class DnsTransport {

    private DnsTransport() {}

    static Exchange exchange(Message query, DnsServer server, boolean tcp, Duration perTry, int tries, ProbeContext ctx)
            throws InterruptedException {
        byte[] wire = query.toWire();
        int id = query.getHeader().getID();
        if (tcp) {
            return overTcp(wire, id, server, ctx.clamp(perTry.multipliedBy(tries)), ctx, false);
        }
        Exchange udp = overUdp(wire, id, server, perTry, tries, ctx);
        if (udp instanceof Exchange.Reply r && r.message().getHeader().getFlag(Flags.TC)) {
            Exchange retry = overTcp(wire, id, server, ctx.clamp(perTry.multipliedBy(tries)), ctx, true);
            return retry instanceof Exchange.Reply ? retry : udp;
        }
        return udp;
    }

    private static Exchange overUdp(byte[] wire, int id, DnsServer server, Duration perTry, int tries, ProbeContext ctx)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + ctx.clamp(perTry.multipliedBy(tries)).toNanos();
        try (DatagramSocket socket = new DatagramSocket()) {
            ctx.closeOnCancel(socket);
            // Connected, so that an ICMP port unreachable surfaces as PortUnreachableException.
            socket.connect(server.address());
            byte[] buf = new byte[65535];
            int sends = 0;
            for (int attempt = 0; attempt < tries && System.nanoTime() < deadline; attempt++) {
                socket.send(new DatagramPacket(wire, wire.length));
                sends++;
                long sent = System.nanoTime();
                long tryEnd = Math.min(deadline, sent + perTry.toNanos());
                while (true) {
                    long left = (tryEnd - System.nanoTime()) / 1_000_000;
                    if (left <= 0 || ctx.cancelled()) {
                        break;
                    }
                    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                    DatagramPacket packet = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(packet);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    Message reply = parse(Arrays.copyOf(buf, packet.getLength()));
                    // A late answer to an earlier try has the same ID and is as good; anything else is noise.
                    if (reply != null
                            && reply.getHeader().getID() == id
                            && reply.getHeader().getFlag(Flags.QR)) {
                        return new Exchange.Reply(
                                reply, packet.getLength(), millis(System.nanoTime() - sent), false, false);
                    }
                }
                if (ctx.cancelled()) {
                    throw new InterruptedException("stopped");
                }
            }
            return new Exchange.NoReply(
                    Exchange.Failure.TIMEOUT, "timed out", millis(System.nanoTime() - start), Math.max(1, sends));
        } catch (PortUnreachableException e) {
            return new Exchange.NoReply(
                    Exchange.Failure.REFUSED, "connection refused", millis(System.nanoTime() - start));
        } catch (IOException e) {
            if (ctx.cancelled()) {
                throw new InterruptedException("stopped");
            }
            return new Exchange.NoReply(
                    Exchange.Failure.ERROR, String.valueOf(e.getMessage()), millis(System.nanoTime() - start));
        }
    }

    private static Exchange overTcp(
            byte[] wire, int id, DnsServer server, Duration timeout, ProbeContext ctx, boolean afterTruncation)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (Socket socket = new Socket()) {
            ctx.closeOnCancel(socket);
            socket.connect(server.address(), (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(wire.length);
            out.write(wire);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] reply = new byte[in.readUnsignedShort()];
            in.readFully(reply);
            Message message = parse(reply);
            if (message == null || message.getHeader().getID() != id) {
                return new Exchange.NoReply(
                        Exchange.Failure.ERROR,
                        "the reply is not a DNS answer to this query",
                        millis(System.nanoTime() - start));
            }
            return new Exchange.Reply(message, reply.length, millis(System.nanoTime() - start), true, afterTruncation);
        } catch (SocketTimeoutException e) {
            return new Exchange.NoReply(Exchange.Failure.TIMEOUT, "timed out", millis(System.nanoTime() - start));
        } catch (ConnectException e) {
            if (ctx.cancelled()) {
                throw new InterruptedException("stopped");
            }
            boolean refused = String.valueOf(e.getMessage()).contains("refused");
            return new Exchange.NoReply(
                    refused ? Exchange.Failure.REFUSED : Exchange.Failure.ERROR,
                    refused ? "connection refused" : String.valueOf(e.getMessage()),
                    millis(System.nanoTime() - start));
        } catch (EOFException e) {
            return new Exchange.NoReply(
                    Exchange.Failure.ERROR,
                    "the server closed the connection without an answer",
                    millis(System.nanoTime() - start));
        } catch (IOException e) {
            if (ctx.cancelled()) {
                throw new InterruptedException("stopped");
            }
            return new Exchange.NoReply(
                    Exchange.Failure.ERROR, String.valueOf(e.getMessage()), millis(System.nanoTime() - start));
        }
    }

    private static Message parse(byte[] wire) {
        try {
            return new Message(wire);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
