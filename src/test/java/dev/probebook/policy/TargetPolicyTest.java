package dev.probebook.policy;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.probebook.settings.SettingsLoader;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Other spellings of a denied host are denied too. Nothing here connects anywhere: only the decision. */
class TargetPolicyTest {

    private final TargetPolicy defaults = new TargetPolicy(List.of(), List.of(SettingsLoader.DEFAULT_DENY.split(",")));

    private static InetAddress at(String literal) throws Exception {
        return InetAddress.getByName(literal); // literals only: no lookup
    }

    @Test
    void metadataAddressesInIpv6ClothesAreDenied() throws Exception {
        for (String v6 : new String[] {
            "::ffff:169.254.169.254",
            "::169.254.169.254",
            "64:ff9b::a9fe:a9fe",
            "2002:a9fe:a9fe::1",
            "fd00:ec2::254",
            "fe80::1"
        }) {
            assertThatThrownBy(() -> defaults.check(null, at(v6), 80))
                    .as(v6)
                    .isInstanceOf(PolicyDeniedException.class)
                    .hasMessageContaining("denied by rule");
        }
        assertThatThrownBy(() -> defaults.check(null, at("::169.254.169.254"), 80))
                .hasMessageContaining("the same host as 169.254.169.254")
                .hasMessageContaining("deny 169.254.0.0/16");
    }

    @Test
    void otherCloudsHostServicesMulticastAndBroadcastAreDeniedByDefault() throws Exception {
        for (String address : new String[] {
            "100.100.100.200", // Alibaba Cloud metadata
            "168.63.129.16", // Azure WireServer
            "64:ff9b:1::a9fe:a9fe", // local-use NAT64
            "64:ff9b:1:ffff::1",
            "224.0.0.1",
            "239.255.255.250",
            "ff02::1",
            "ff05::2",
            "255.255.255.255"
        }) {
            assertThatThrownBy(() -> defaults.check(null, at(address), 80))
                    .as(address)
                    .isInstanceOf(PolicyDeniedException.class)
                    .hasMessageContaining("denied by rule");
        }
        assertThatCode(() -> defaults.check(null, at("100.100.100.201"), 80)).doesNotThrowAnyException();
        assertThatCode(() -> defaults.check(null, at("168.63.129.17"), 80)).doesNotThrowAnyException();
        assertThatCode(() -> defaults.check(null, at("10.255.255.255"), 80)).doesNotThrowAnyException();
    }

    @Test
    void theUnspecifiedAddressIsThisMachine() throws Exception {
        TargetPolicy noLoopback = new TargetPolicy(List.of(), List.of("127.0.0.0/8", "::1/128"));
        assertThatThrownBy(() -> noLoopback.check(null, at("0.0.0.0"), 80)).hasMessageContaining("deny 127.0.0.0/8");
        assertThatThrownBy(() -> noLoopback.check(null, at("::"), 80)).hasMessageContaining("denied by rule");
        assertThatCode(() -> noLoopback.check(null, at("10.1.2.3"), 80)).doesNotThrowAnyException();
    }

    @Test
    void ordinaryAddressesPassTheDefaults() {
        assertThatCode(() -> defaults.check(null, at("127.0.0.1"), 80)).doesNotThrowAnyException();
        assertThatCode(() -> defaults.check(null, at("::1"), 80)).doesNotThrowAnyException();
        assertThatCode(() -> defaults.check(null, at("2001:db8::1"), 80)).doesNotThrowAnyException();
    }
}
