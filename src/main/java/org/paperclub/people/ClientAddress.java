package org.paperclub.people;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client a request comes from, as the sign-in throttle counts it. {@code Forwarded} and
 * {@code X-Forwarded-For} are believed only when the connection comes from a trusted proxy
 * ({@code paperclub.trusted-proxies}, addresses or CIDRs, none by default): anyone else could write any address
 * there. Through trusted proxies, the client is the right-most address that is not itself a trusted proxy.
 * IPv6 clients count by their /64, which one subscriber usually holds whole.
 */
@Singleton
public class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Cidr> trusted;

    ClientAddress(@Value("${paperclub.trusted-proxies:}") String trustedProxies) {
        this.trusted = Arrays.stream(trustedProxies.split("[,\\s]+")).filter(s -> !s.isBlank()).map(ClientAddress::cidr).toList();
    }

    /** The client's address (its /64 for IPv6), as the sign-in throttles count it. */
    public String of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress client = remote.getAddress();
        if (client == null) {
            return remote.getHostString();
        }
        if (isTrusted(client)) {
            List<String> hops = forwardedFor(request);
            for (int i = hops.size() - 1; i >= 0; i--) {
                InetAddress hop = literal(hops.get(i));
                if (hop == null) {
                    // "unknown" or an obfuscated name: the proxy that wrote it is the client we can tell.
                    break;
                }
                client = hop;
                if (!isTrusted(hop)) {
                    break;
                }
            }
        }
        return key(client);
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(c -> c.contains(address));
    }

    /** The addresses the proxies recorded, the client first: from {@code Forwarded}, else {@code X-Forwarded-For}. */
    private static List<String> forwardedFor(HttpRequest<?> request) {
        List<String> hops = new ArrayList<>();
        List<String> forwarded = request.getHeaders().getAll("Forwarded");
        if (!forwarded.isEmpty()) {
            for (String element : String.join(",", forwarded).split(",")) {
                String forValue = "";
                for (String pair : element.split(";")) {
                    String p = pair.trim();
                    if (p.regionMatches(true, 0, "for=", 0, 4)) {
                        forValue = p.substring(4);
                    }
                }
                hops.add(stripPort(forValue.replace("\"", "").trim()));
            }
            return hops;
        }
        for (String value : String.join(",", request.getHeaders().getAll("X-Forwarded-For")).split(",")) {
            if (!value.isBlank()) {
                hops.add(stripPort(value.trim()));
            }
        }
        return hops;
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        return colon >= 0 && colon == host.lastIndexOf(':') ? host.substring(0, colon) : host;
    }

    /** The address written in s, or null when s is not an IP literal (never a DNS look-up). */
    @Nullable
    private static InetAddress literal(String s) {
        if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String key(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return address.getHostAddress();
    }

    private static Cidr cidr(String text) {
        String[] parts = text.trim().split("/", 2);
        InetAddress address = literal(parts[0]);
        if (address == null) {
            throw new ConfigurationException("paperclub.trusted-proxies: " + text + " is not an IP address or CIDR range.");
        }
        int max = address.getAddress().length * 8;
        int bits;
        try {
            bits = parts.length == 1 ? max : Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits < 0 || bits > max) {
            throw new ConfigurationException("paperclub.trusted-proxies: " + text + " has no valid prefix length.");
        }
        return new Cidr(address.getAddress(), bits);
    }

    private record Cidr(byte[] network, int bits) {
        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
