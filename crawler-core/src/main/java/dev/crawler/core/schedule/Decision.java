package dev.crawler.core.schedule;

import dev.crawler.storage.QueuedUrl;

/** What the dispatcher should do next. */
public sealed interface Decision {
    /** Fetch a page; the host's permit is taken and must be given back with {@code requestFinished}. */
    record FetchPage(int hostId, String origin, QueuedUrl url) implements Decision {
    }

    /** Fetch the host's robots.txt first; answer with {@code robotsLoaded} or {@code robotsUnavailable}. */
    record FetchRobots(int hostId, String origin) implements Decision {
    }

    /** Settle a URL without fetching it: robots.txt disallows it. */
    record Deny(int hostId, String origin, QueuedUrl url) implements Decision {
    }

    /** Nothing is due before {@code atNanos}. */
    record WaitUntil(long atNanos) implements Decision {
    }

    /** Nothing can start until an event arrives (a fetch finishes, a commit lands). */
    record Idle() implements Decision {
    }
}
