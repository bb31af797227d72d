package com.memora.infra.settings;

import com.memora.kernel.settings.EndpointRules;
import okhttp3.Dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Name resolution for connections to a configured storage endpoint: refuses a host that resolves to a link-local
 * or cloud metadata address (decisions O8). Checking at every lookup, not once when the settings are saved, also
 * stops a name that is re-pointed at such an address later (DNS rebinding).
 */
public final class GuardedDns implements Dns {

    public static final GuardedDns INSTANCE = new GuardedDns();

    private GuardedDns() {
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = Dns.SYSTEM.lookup(hostname);
        for (InetAddress address : addresses) {
            Optional<String> problem = EndpointRules.problemWithAddress(address);
            if (problem.isPresent()) {
                throw new RefusedAddressException(hostname + " resolves to " + problem.get());
            }
        }
        return addresses;
    }

    /** An {@link UnknownHostException}, so HTTP clients treat the refusal as a failed lookup and never connect. */
    public static final class RefusedAddressException extends UnknownHostException {

        public RefusedAddressException(String message) {
            super(message);
        }
    }
}
