/**
 * Durable crawl state on RocksDB: the per-host frontier queues, the seen-URL set, the host table,
 * product records, failure records and crawl metadata.
 *
 * <p>Nothing here knows about HTTP or HTML. URLs arrive already canonical; records arrive already
 * extracted. Every logical change to the crawl is one {@link dev.crawler.storage.PageCommit} written
 * as one atomic {@code WriteBatch}.
 */
@NullMarked
package dev.crawler.storage;

import org.jspecify.annotations.NullMarked;
