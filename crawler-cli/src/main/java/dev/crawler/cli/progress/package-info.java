/** Live progress of a crawl: a progress bar on a terminal, a plain line every few seconds elsewhere. */
@NullMarked
package dev.crawler.cli.progress;

import org.jspecify.annotations.NullMarked;
