package dev.probebook.probe.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Interface choice and open failures, without libpcap. */
class DeviceTest {

    private static final List<Device> DEVICES = List.of(
            new Device("any", "Pseudo-device that captures on all interfaces", true, true, false),
            new Device("lo", null, true, true, true),
            new Device("ifb0", null, false, false, false),
            new Device("eth0", null, true, true, false));

    @Test
    void defaultIsTheFirstUpNonLoopbackRealDevice() {
        assertThat(Device.defaultDevice(DEVICES)).contains("eth0");
        assertThat(Device.defaultDevice(DEVICES.subList(0, 3))).isEmpty();
        assertThat(Device.byIndex("2", DEVICES)).isEqualTo("lo");
        assertThat(Device.byIndex("9", DEVICES)).isNull();
    }

    @Test
    void listingLooksLikeTcpdumpD() {
        assertThat(Device.listing(DEVICES))
                .containsExactly(
                        "1.any (Pseudo-device that captures on all interfaces) [Up, Running]",
                        "2.lo [Up, Running, Loopback]",
                        "3.ifb0 [none]",
                        "4.eth0 [Up, Running]");
    }

    @Test
    void missingDeviceListsTheRealOnesAndSuggestsTheClosest() {
        OpenFailure f = OpenFailure.classify("eho0", -5, "No such device exists", DEVICES);
        assertThat(f.kind()).isEqualTo(OpenFailure.Kind.NO_SUCH_DEVICE);
        assertThat(f.lines().get(0)).isEqualTo("tcpdump: eho0: No such device exists");
        assertThat(f.lines()).contains("4.eth0 [Up, Running]");
        assertThat(f.summary()).contains("did you mean eth0?").contains("any, lo, ifb0, eth0");
    }

    @Test
    void permissionFailureSaysHowToGrantTheCapability() {
        OpenFailure f = OpenFailure.classify("lo", -8, "socket: Operation not permitted", DEVICES);
        assertThat(f.kind()).isEqualTo(OpenFailure.Kind.PERMISSION);
        assertThat(f.lines())
                .containsExactly(
                        "tcpdump: lo: You don't have permission to perform this capture on that device",
                        "(socket: Operation not permitted)");
        assertThat(f.summary())
                .contains("root")
                .contains("CAP_NET_RAW")
                .contains("sudo setcap cap_net_raw,cap_net_admin=eip $(readlink -f $(which java))");
    }

    @Test
    void downInterfaceSaysSo() {
        OpenFailure f = OpenFailure.classify("ifb0", -9, "That device is not up", DEVICES);
        assertThat(f.kind()).isEqualTo(OpenFailure.Kind.NOT_UP);
        assertThat(f.lines()).containsExactly("tcpdump: ifb0: That device is not up");
        assertThat(f.summary()).contains("ifb0 is down");
    }
}
