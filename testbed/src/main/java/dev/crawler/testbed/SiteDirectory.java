package dev.crawler.testbed;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;

/**
 * Which {@link Site} answers on which local address. Filled in once the port is known (pages carry
 * absolute links with the port); until then every request gets 503.
 */
final class SiteDirectory {

  private volatile Map<String, Site> sites = Map.of();

  void install(Map<String, Site> sites) {
    this.sites = Map.copyOf(sites);
  }

  void respond(Exchange exchange) {
    Site site = sites.get(exchange.host());
    if (site == null) {
      exchange.text(HttpResponseStatus.SERVICE_UNAVAILABLE, Exchange.TEXT, "not ready\n");
    } else {
      site.respond(exchange);
    }
  }
}
