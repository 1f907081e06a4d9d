package dev.crawler.storage;

import java.time.Instant;

/**
 * What identifies a crawl directory. Written once when the crawl is created.
 *
 * @param formatVersion the on-disk format; a directory of a newer format is refused
 * @param crawlId       a random id, so logs and exports can name the crawl
 * @param createdAt     when the crawl was created
 */
public record CrawlInfo(int formatVersion, String crawlId, Instant createdAt) {
}
