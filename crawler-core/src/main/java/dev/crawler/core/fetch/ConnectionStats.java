package dev.crawler.core.fetch;

/**
 * What the connection pool of one origin did, for tests and reports: proof that connections are
 * reused and bounded, and that none is left leased.
 *
 * @param opened ever opened
 * @param open   open now (leased or idle in the pool)
 * @param maxOpen the most open at one time
 * @param leased  acquired from the pool and not yet released: 0 whenever no fetch is running
 */
public record ConnectionStats(long opened, int open, int maxOpen, int leased) {
}
