package dev.probebook.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, LOOPBACK",
        "127.10.0.1, LOOPBACK",
        "::1, LOOPBACK",
        "10.0.0.5, PRIVATE",
        "10.255.255.255, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.254, PRIVATE",
        "192.168.1.10, PRIVATE",
        "172.15.255.255, PUBLIC",
        "172.32.0.1, PUBLIC",
        "192.169.0.1, PUBLIC",
        "11.0.0.1, PUBLIC",
        "211.188.35.7, PUBLIC",
        "8.8.8.8, PUBLIC",
        "100.64.0.1, CGNAT",
        "100.127.255.254, CGNAT",
        "100.63.255.255, PUBLIC",
        "100.128.0.1, PUBLIC",
        "169.254.169.254, LINK_LOCAL",
        "169.253.0.1, PUBLIC",
        "fe80::1, LINK_LOCAL",
        "febf::1, LINK_LOCAL",
        "fec0::1, RESERVED",
        "fd00::2, ULA",
        "fc00::1, ULA",
        "fdff:ffff::1, ULA",
        "192.0.2.2, RESERVED",
        "198.51.100.1, RESERVED",
        "203.0.113.9, RESERVED",
        "198.18.0.1, RESERVED",
        "224.0.0.1, RESERVED",
        "240.0.0.1, RESERVED",
        "0.0.0.0, RESERVED",
        "2001:db8::1, RESERVED",
        "ff02::1, RESERVED",
        "2600:1f18::1, PUBLIC",
        "2001:4860:4860::8888, PUBLIC",
        "::ffff:10.1.2.3, PRIVATE"
    })
    void classifies(String literal, AddressClass expected) throws Exception {
        // literals only: InetAddress.getByName does no lookup for them
        assertThat(AddressClass.of(InetAddress.getByName(literal).getAddress())).isEqualTo(expected);
    }

    @Test
    void mappedV6BytesUseTheirIpv4Class() {
        assertThat(AddressClass.of(mapped(10, 1, 2, 3))).isEqualTo(AddressClass.PRIVATE);
        assertThat(AddressClass.of(mapped(8, 8, 8, 8))).isEqualTo(AddressClass.PUBLIC);
    }

    private static byte[] mapped(int a, int b, int c, int d) {
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        v6[12] = (byte) a;
        v6[13] = (byte) b;
        v6[14] = (byte) c;
        v6[15] = (byte) d;
        return v6;
    }
}
