package dev.crawler.core.schedule;

import dev.crawler.core.fetch.FailureClass;
import dev.crawler.storage.QueuedUrl;

/** What the dispatcher should do next. */
public sealed interface Decision {
    /** Fetch a page; the host's permit is taken and must be given back with {@code requestFinished}. */
    record FetchPage(int hostId, String origin, QueuedUrl url) implements Decision {
    }

    /** Fetch the host's robots.txt first; answer with {@code robotsLoaded} or one of the other robots outcomes. */
    record FetchRobots(int hostId, String origin) implements Decision {
    }

    /**
     * Settle a URL without fetching it, counted under {@code reason}: robots.txt disallows it
     * ({@link FailureClass#ROBOTS_DENIED}) or its host may not be connected to
     * ({@link FailureClass#BLOCKED_ADDRESS}).
     */
    record Deny(int hostId, String origin, QueuedUrl url, FailureClass reason, String message) implements Decision {
        /** Disallowed by robots.txt. */
        public Deny(int hostId, String origin, QueuedUrl url) {
            this(hostId, origin, url, FailureClass.ROBOTS_DENIED, "disallowed by robots.txt");
        }
    }

    /** Nothing is due before {@code atNanos}. */
    record WaitUntil(long atNanos) implements Decision {
    }

    /** Nothing can start until an event arrives (a fetch finishes, a commit lands). */
    record Idle() implements Decision {
    }
}
