/**
 * One crawl across several processes, coordinated by Apache Kafka. Each host belongs to one
 * partition ({@link dev.crawler.cluster.HostPartitioner}); each crawl has its own topics
 * ({@link dev.crawler.cluster.CrawlTopics}), created by its first member with a partition count that
 * stays fixed for the crawl's life, so a host never changes partition. Kafka is used here and
 * nowhere else: a single-process crawl carries none of it.
 */
@NullMarked
package dev.crawler.cluster;

import org.jspecify.annotations.NullMarked;
