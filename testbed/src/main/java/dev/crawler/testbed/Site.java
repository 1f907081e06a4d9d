package dev.crawler.testbed;

/**
 * What one address serves. Called on the channel's event loop; must not block, and must end every
 * exchange exactly once (by {@link Exchange#send} or {@link Exchange#finish}).
 */
interface Site {

  void respond(Exchange exchange);
}
