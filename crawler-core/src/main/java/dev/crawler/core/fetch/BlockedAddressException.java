package dev.crawler.core.fetch;

import java.io.IOException;
import java.net.InetAddress;

/** A host resolved to an address the {@link AddressPolicy} does not let it use; no connection was made. */
final class BlockedAddressException extends IOException {
    private static final long serialVersionUID = 1L;

    BlockedAddressException(String host, InetAddress address) {
        super(host + " resolved to " + address.getHostAddress()
                + ", which is not public; only seed hosts may (see scope.allowPrivateAddresses)");
    }
}
