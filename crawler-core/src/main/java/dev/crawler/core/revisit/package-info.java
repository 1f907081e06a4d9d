/**
 * Watching pages over time: what each visit of a page teaches about when to come back, and which pages
 * are due.
 *
 * <p>The data flow: a page's {@link dev.crawler.storage.PageState} is read when its URL is leased and
 * rides with the task; the fetcher sends its validators; the parse pool answers a 304 or an unchanged
 * body without parsing; on the committer thread {@link VisitPlanner} turns what the visit found into
 * the page's next state ({@link VisitSchedule}), which the store writes in the batch that settles the
 * URL, where it also records product changes. {@link Revisits} puts the pages due back in the frontier,
 * in one batch, before a crawl engine runs over them.
 */
@NullMarked
package dev.crawler.core.revisit;

import org.jspecify.annotations.NullMarked;
