package dev.crawler.core.coordination;

import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.PageCommit;
import java.util.List;

/**
 * What the committer is about to write in one batch, as {@link Coordination#publish} sees it.
 *
 * @param pages   the page outcomes of the group, each with the URL it settles
 * @param queued  URLs to queue that no page carries (sitemaps listed in a robots.txt)
 * @param inbound batches from elsewhere applied with the group
 */
public record GroupWrite(List<SettledPage> pages, List<DiscoveredUrl> queued, List<Inbound> inbound) {
    public GroupWrite {
        pages = List.copyOf(pages);
        queued = List.copyOf(queued);
        inbound = List.copyOf(inbound);
    }

    /**
     * One page outcome and the URL it settles.
     *
     * @param url    the URL that was fetched (its frontier entry is {@code commit.done()})
     * @param origin the host key the URL is queued under
     */
    public record SettledPage(String url, String origin, PageCommit commit) {
    }
}
