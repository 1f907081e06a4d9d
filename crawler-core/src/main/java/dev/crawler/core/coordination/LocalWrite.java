package dev.crawler.core.coordination;

import dev.crawler.storage.DiscoveredUrl;
import dev.crawler.storage.PageCommit;
import dev.crawler.storage.PageState;
import dev.crawler.storage.ProductRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the local store applies of a {@link GroupWrite} once it is published: the pages (in a cluster,
 * without the links that went to other members), the URLs to queue here, the URLs settled elsewhere,
 * and the checkpoints that say how far the store is applied. A cluster member that takes part of the
 * crawl over also applies what another member learnt of it for revisits: the state of each page
 * ({@code pageStates}), the latest record of each product ({@code products}), and the pages to
 * revisit now ({@code revisits}, when the run is a revisit).
 */
public record LocalWrite(List<PageCommit> pages, List<DiscoveredUrl> queued, List<String> settled, List<PageState> pageStates,
        List<ProductRecord> products, List<String> revisits, Map<String, Long> applied) {
    public LocalWrite {
        pages = List.copyOf(pages);
        queued = List.copyOf(queued);
        settled = List.copyOf(settled);
        pageStates = List.copyOf(pageStates);
        products = List.copyOf(products);
        revisits = List.copyOf(revisits);
        applied = Map.copyOf(applied);
    }

    public LocalWrite(List<PageCommit> pages, List<DiscoveredUrl> queued, List<String> settled, Map<String, Long> applied) {
        this(pages, queued, settled, List.of(), List.of(), List.of(), applied);
    }

    /** The group applied as it is: what a crawl run alone writes. */
    public static LocalWrite asIs(GroupWrite group) {
        List<PageCommit> pages = new ArrayList<>(group.pages().size());
        for (GroupWrite.SettledPage page : group.pages()) {
            pages.add(page.commit());
        }
        List<DiscoveredUrl> queued = new ArrayList<>(group.queued());
        List<String> settled = new ArrayList<>();
        for (Inbound batch : group.inbound()) {
            queued.addAll(batch.queue());
            settled.addAll(batch.settled());
        }
        return new LocalWrite(pages, queued, settled, Map.of());
    }
}
