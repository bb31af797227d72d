package com.memora.kernel.settings;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which URLs the CDN settings accept (decisions O8): http(s) only, and never an address that reaches the
 * machine's own cloud metadata or a link-local network, which an attacker-controlled URL would otherwise turn
 * into a credential leak. Loopback stays allowed: the embedded default's S3 server listens on 127.0.0.1.
 * <p>
 * These checks read only the URL text (no DNS). A host name may still resolve to a forbidden address, so whatever
 * connects checks the resolved addresses too with {@link #problemWithAddress(InetAddress)}.
 */
public final class EndpointRules {

    /** Metadata services by name (GCP, AWS, Azure, generic) and by address where it is not link-local. */
    private static final Set<String> METADATA_HOSTS = Set.of(
            "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal",
            "metadata.azure.com", "metadata.internal");
    private static final Set<String> METADATA_ADDRESSES = Set.of(
            "169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2:0:0:0:0:0:254");
    private static final Pattern DOTTED_IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    private static final Pattern NUMERIC_HOST = Pattern.compile("^(0x[0-9a-f]+|[0-9.]+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST_NAME = Pattern.compile(
            "^(?=.{1,253}\\.?$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?$",
            Pattern.CASE_INSENSITIVE);

    private EndpointRules() {
    }

    /** What is wrong with {@code url}, or empty when it is acceptable. */
    public static Optional<String> problemWithUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http:// or https:// URL, got '" + url + "'");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password; credentials go into their own fields");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("must name a host, e.g. https://s3.example.com");
        }
        return problemWithHost(host);
    }

    /** What is wrong with a host as written in a URL (a name, a dotted IPv4 address or a bracketed IPv6 one). */
    public static Optional<String> problemWithHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            return literal(lower.substring(1, lower.length() - 1));
        }
        if (DOTTED_IPV4.matcher(lower).matches()) {
            for (String octet : lower.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.of("'" + host + "' is not an IPv4 address");
                }
            }
            return literal(lower);
        }
        if (NUMERIC_HOST.matcher(lower).matches()) {
            return Optional.of("'" + host + "' is not a standard address; write an IPv4 address as four decimal "
                               + "numbers (a.b.c.d) or use a host name");
        }
        if (!HOST_NAME.matcher(lower).matches()) {
            return Optional.of("'" + host + "' is not a valid host name");
        }
        String name = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        if (METADATA_HOSTS.contains(name)) {
            return Optional.of("'" + host + "' is a cloud metadata service, which is never a storage endpoint");
        }
        return Optional.empty();
    }

    /** What is wrong with connecting to this (resolved) address, or empty when it may be used. */
    public static Optional<String> problemWithAddress(InetAddress address) {
        String text = address instanceof Inet6Address ? address.getHostAddress().replaceAll("%.*", "")
                                                      : address.getHostAddress();
        if (METADATA_ADDRESSES.contains(text)) {
            return Optional.of(text + " is a cloud metadata address, which is never a storage endpoint");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of(text + " is a link-local address (169.254.0.0/16, fe80::/10), which is refused");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of(text + " is the wildcard address, not a server");
        }
        if (address.isMulticastAddress()) {
            return Optional.of(text + " is a multicast address, not a server");
        }
        return Optional.empty();
    }

    private static Optional<String> literal(String text) {
        try {
            // A literal address is parsed, never looked up.
            return problemWithAddress(InetAddress.getByName(text));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.of("'" + text + "' is not a valid IP address");
        }
    }
}
