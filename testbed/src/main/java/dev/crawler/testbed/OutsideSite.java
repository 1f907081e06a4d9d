package dev.crawler.testbed;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * An out-of-scope host the shops link to. It answers every path with a small page (and allows
 * everything in robots.txt) so that a test can tell from the {@link RequestLog} whether a crawler
 * strayed here.
 */
final class OutsideSite implements Site {

  @Override
  public void respond(Exchange exchange) {
    if (exchange.path().equals("/robots.txt")) {
      exchange.text(HttpResponseStatus.OK, Exchange.TEXT, "User-agent: *\nDisallow:\n");
    } else {
      exchange.text(HttpResponseStatus.OK, Exchange.HTML, SmallPages.page("Partner site " + exchange.host(),
          "<h1>Partner site</h1><p>You left the shop. This host is outside the crawl.</p>"));
    }
  }
}
