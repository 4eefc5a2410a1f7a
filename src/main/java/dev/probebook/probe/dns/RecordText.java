package dev.probebook.probe.dns;

import dev.probebook.net.AddressText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Records as each tool prints them (BIND 9 nslookup, dig and host). */
final class RecordText {

    private RecordText() {}

    /** Record data in master-file form, as dig prints it: compressed IPv6, every TXT string quoted. */
    static String rdata(Record r) {
        return switch (r) {
            case ARecord a -> a.getAddress().getHostAddress();
            case AAAARecord a -> AddressText.asIpv6(a.getAddress());
            case TXTRecord t -> txt(t);
            default -> r.rdataToString();
        };
    }

    /** The address a record carries (A or AAAA), as the tools print it; null for other records. */
    static String address(Record r) {
        return switch (r) {
            case ARecord a -> a.getAddress().getHostAddress();
            case AAAARecord a -> AddressText.asIpv6(a.getAddress());
            default -> null;
        };
    }

    /** A name without its final dot ({@code example.com}), as nslookup and host print owners. */
    static String bare(Name n) {
        String s = n.toString(true);
        return s.isEmpty() ? "." : s;
    }

    /** nslookup's lines for one record (SOA takes several). */
    static List<String> nslookup(Record r) {
        String owner = bare(r.getName());
        return switch (r) {
            case ARecord a -> List.of("Name:\t" + owner, "Address: " + address(a));
            case AAAARecord a -> List.of("Name:\t" + owner, "Address: " + address(a));
            case CNAMERecord c -> List.of(owner + "\tcanonical name = " + c.getTarget());
            case PTRRecord p -> List.of(owner + "\tname = " + p.getTarget());
            case MXRecord m -> List.of(owner + "\tmail exchanger = " + m.getPriority() + " " + m.getTarget());
            case NSRecord n -> List.of(owner + "\tnameserver = " + n.getTarget());
            case TXTRecord t -> List.of(owner + "\ttext = " + txt(t));
            case SRVRecord s ->
                List.of(owner + "\tservice = " + s.getPriority() + " " + s.getWeight() + " " + s.getPort() + " "
                        + s.getTarget());
            case SOARecord s ->
                List.of(
                        owner,
                        "\torigin = " + bare(s.getHost()),
                        "\tmail addr = " + bare(s.getAdmin()),
                        "\tserial = " + s.getSerial(),
                        "\trefresh = " + s.getRefresh(),
                        "\tretry = " + s.getRetry(),
                        "\texpire = " + s.getExpire(),
                        "\tminimum = " + s.getMinimum());
            default -> List.of(owner + "\trdata_" + r.getType() + " = " + rdata(r));
        };
    }

    /** host's line for one record. */
    static String host(Record r) {
        String owner = bare(r.getName());
        return switch (r) {
            case ARecord a -> owner + " has address " + address(a);
            case AAAARecord a -> owner + " has IPv6 address " + address(a);
            case CNAMERecord c -> owner + " is an alias for " + c.getTarget();
            case PTRRecord p -> owner + " domain name pointer " + p.getTarget();
            case MXRecord m -> owner + " mail is handled by " + m.getPriority() + " " + m.getTarget();
            case NSRecord n -> owner + " name server " + n.getTarget();
            case TXTRecord t -> owner + " descriptive text " + txt(t);
            default -> owner + " has " + Type.string(r.getType()) + " record " + rdata(r);
        };
    }

    /** Each character-string quoted, with quote, backslash and non-printable bytes escaped as BIND does. */
    static String txt(TXTRecord t) {
        List<String> parts = new ArrayList<>();
        for (byte[] s : t.getStringsAsByteArrays()) {
            StringBuilder sb = new StringBuilder("\"");
            for (byte b : s) {
                int c = b & 0xff;
                if (c == '"' || c == '\\') {
                    sb.append('\\').append((char) c);
                } else if (c < 0x20 || c > 0x7e) {
                    sb.append(String.format(Locale.ROOT, "\\%03d", c));
                } else {
                    sb.append((char) c);
                }
            }
            parts.add(sb.append('"').toString());
        }
        return String.join(" ", parts);
    }
}
