package dev.probebook.probe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.probebook.net.AddressText;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** iputils' number formats and statistics block. */
class PingStatisticsTest {

    @Test
    void statisticsBlockAsIputilsPrintsIt() {
        PingStatistics s = new PingStatistics();
        for (long micros : new long[] {40, 50, 60}) {
            s.sent();
            s.reply(micros, false);
        }
        s.sent();
        assertThat(s.lines("example.com", 3004))
                .containsExactly(
                        "",
                        "--- example.com ping statistics ---",
                        "4 packets transmitted, 3 received, 25% packet loss, time 3004ms",
                        "rtt min/avg/max/mdev = 0.040/0.050/0.060/0.008 ms");
    }

    @Test
    void errorsDuplicatesAndTotalLoss() {
        PingStatistics s = new PingStatistics();
        s.sent();
        s.sent();
        s.sent();
        s.error();
        assertThat(s.lines("10.0.0.2", 2010))
                .containsExactly(
                        "",
                        "--- 10.0.0.2 ping statistics ---",
                        "3 packets transmitted, 0 received, +1 errors, 100% packet loss, time 2010ms");
        PingStatistics d = new PingStatistics();
        d.sent();
        d.reply(1000, false);
        d.reply(3000, true);
        assertThat(d.lines("h", 0).get(2))
                .isEqualTo("1 packets transmitted, 1 received, +1 duplicates, 0% packet loss, time 0ms");
        assertThat(d.lines("h", 0).get(3)).isEqualTo("rtt min/avg/max/mdev = 1.000/2.000/3.000/1.000 ms");
        assertThat(new PingStatistics().lines("h", 0).get(2)).isEqualTo("0 packets transmitted, 0 received");
    }

    @Test
    void lossPercentLikeCPercentG() {
        assertThat(PingStatistics.percent(0f)).isEqualTo("0");
        assertThat(PingStatistics.percent(25f)).isEqualTo("25");
        assertThat(PingStatistics.percent(100f)).isEqualTo("100");
        assertThat(PingStatistics.percent((float) (100.0 / 3))).isEqualTo("33.3333");
        assertThat(PingStatistics.percent((float) (200.0 / 3))).isEqualTo("66.6667");
    }

    @Test
    void replyTimePrecisionShrinksAsTimesGrow() {
        assertThat(PingStatistics.replyTime(45)).isEqualTo("0.045");
        assertThat(PingStatistics.replyTime(1234)).isEqualTo("1.23");
        assertThat(PingStatistics.replyTime(12_345)).isEqualTo("12.3");
        assertThat(PingStatistics.replyTime(123_456)).isEqualTo("123");
    }

    @Test
    void ipv6AddressesInShortForm() throws Exception {
        assertThat(AddressText.withScope(InetAddress.getByName("::1"))).isEqualTo("::1");
        assertThat(AddressText.withScope(InetAddress.getByName("2001:db8:0:0:1:0:0:1")))
                .isEqualTo("2001:db8::1:0:0:1");
        assertThat(AddressText.withScope(InetAddress.getByName("fe80::1:2:3:4")))
                .isEqualTo("fe80::1:2:3:4");
        assertThat(AddressText.withScope(InetAddress.getByName("2001:db8::"))).isEqualTo("2001:db8::");
        assertThat(AddressText.withScope(InetAddress.getByName("1:0:2:0:3:0:4:0")))
                .isEqualTo("1:0:2:0:3:0:4:0");
        assertThat(AddressText.withScope(InetAddress.getByName("127.0.0.1"))).isEqualTo("127.0.0.1");
    }
}
