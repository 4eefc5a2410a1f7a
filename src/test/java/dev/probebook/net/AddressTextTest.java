package dev.probebook.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressTextTest {

    @Test
    void ipv6InRfc5952ShortForm() throws Exception {
        assertThat(AddressText.of(InetAddress.getByName("::1"))).isEqualTo("::1");
        assertThat(AddressText.of(InetAddress.getByName("::"))).isEqualTo("::");
        assertThat(AddressText.of(InetAddress.getByName("2001:DB8:0:0:1:0:0:1")))
                .isEqualTo("2001:db8::1:0:0:1");
        assertThat(AddressText.of(InetAddress.getByName("2001:db8:0:1:1:1:1:1")))
                .isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(AddressText.of(InetAddress.getByName("1:0:0:2:0:0:0:3"))).isEqualTo("1:0:0:2::3");
        assertThat(AddressText.of(InetAddress.getByName("192.0.2.1"))).isEqualTo("192.0.2.1");
    }

    @Test
    void ipv4MappedAsDottedTail() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 1};
        assertThat(AddressText.of(Inet6Address.getByAddress(null, mapped, 0))).isEqualTo("::ffff:192.0.2.1");
        assertThat(AddressText.asIpv6(InetAddress.getByName("::ffff:192.0.2.1")))
                .isEqualTo("::ffff:192.0.2.1");
        assertThat(AddressText.asIpv6(InetAddress.getByName("2001:db8::1"))).isEqualTo("2001:db8::1");
    }

    @Test
    void scopeOnlyWhenAsked() throws Exception {
        InetAddress scoped =
                Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 7);
        assertThat(AddressText.of(scoped)).isEqualTo("fe80::1");
        assertThat(AddressText.withScope(scoped)).isEqualTo("fe80::1%7");
        assertThat(AddressText.withScope(InetAddress.getByName("127.0.0.1"))).isEqualTo("127.0.0.1");
    }
}
