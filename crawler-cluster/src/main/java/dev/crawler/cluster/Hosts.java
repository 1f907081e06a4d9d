package dev.crawler.cluster;

import java.net.URI;

/** The host name of an origin such as {@code https://shop.example:8443}: what a crawl's partitions are split by. */
final class Hosts {
    private Hosts() {
    }

    static String of(String origin) {
        String host = URI.create(origin).getHost();
        if (host == null) {
            throw new IllegalArgumentException("not an origin with a host: " + origin);
        }
        return host;
    }
}
