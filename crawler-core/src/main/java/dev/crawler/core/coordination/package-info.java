/**
 * What the engine needs to know when it is one member of a crawl shared by several processes, and
 * nothing about how the sharing is done: which hosts are this process's to fetch
 * ({@link Coordination#owns}), where a group of outcomes and the links it found go before the local
 * store applies it ({@link Coordination#publish}), and what arrives from the other members
 * ({@link Inbound}). A crawl run by one process uses {@link Coordination#ALONE}, which owns every
 * host and publishes nothing; the Kafka implementation lives in the {@code crawler-cluster} module,
 * so a single-process crawl carries none of it.
 */
@NullMarked
package dev.crawler.core.coordination;

import org.jspecify.annotations.NullMarked;
