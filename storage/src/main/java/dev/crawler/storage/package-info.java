/**
 * Durable crawl state on RocksDB: the per-host frontier queues, the seen-URL set, the host table,
 * product records, failure records and crawl metadata.
 *
 * <p>Nothing here knows about HTTP or HTML. URLs arrive already canonical; records arrive already
 * extracted.
 *
 * <h2>One store, several parts</h2>
 * {@link dev.crawler.storage.CrawlStore} opens one RocksDB instance per crawl directory and is the
 * only way in. Behind it, each part owns its column families or key prefixes (see
 * {@link dev.crawler.storage.ColumnFamily}) and whatever it keeps in memory:
 * <ul>
 *   <li>{@code Frontier}: the per-host queues, the enqueue sequence and the URLs ever queued per host
 *       (the per-host budget); with {@code RetryLane}, the URLs waiting out a backoff</li>
 *   <li>{@code SeenSet}: the fingerprint of every URL ever queued, with a cache of recent ones</li>
 *   <li>{@link dev.crawler.storage.Records}: product records and failure records, and their
 *       iteration for exports and reports ({@code store.records()})</li>
 *   <li>{@code HostTable}: origin to host id and back</li>
 *   <li>{@code HostState}: parked hosts and learned paces</li>
 *   <li>{@code CrawlCounters}: the counters</li>
 * </ul>
 * The store itself keeps the crawl's configuration and seed origins, and {@code crawl.json}.
 *
 * <h2>One write batch spans them</h2>
 * Every logical change to the crawl (an enqueue, a group of {@link dev.crawler.storage.PageCommit}s,
 * a promotion of due retries) is composed by the store as one {@code StoreBatch}, handed to each
 * part it touches, and written as one RocksDB {@code WriteBatch}: all of it reaches the disk or none
 * of it, across parts. Parts never write on their own; they read through the shared
 * {@code StoreDb}.
 */
@NullMarked
package dev.crawler.storage;

import org.jspecify.annotations.NullMarked;
