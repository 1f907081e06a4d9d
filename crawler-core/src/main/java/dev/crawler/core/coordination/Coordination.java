package dev.crawler.core.coordination;

/**
 * How this process takes part in a crawl: alone, or as one member of several that share it by host.
 * Each method says which of the engine's threads calls it.
 */
public interface Coordination {
    /** A crawl run by this process alone: every host is its own, and nothing is published. */
    Coordination ALONE = new Alone();

    /** Whether this process fetches for {@code origin} now. Dispatcher thread. */
    boolean owns(String origin);

    /**
     * Whether fetching may go on at all: a member that has lost touch with the others stops before
     * its hosts can be given to another member, so that no host is ever fetched by two at once.
     * Dispatcher thread; called often, so it must be cheap.
     */
    boolean mayFetch();

    /** Starts telling {@code events} what changes; called once, before the first dispatch. */
    void start(CoordinationEvents events);

    /**
     * Makes a group durable where the other members can see it, before the local store applies it;
     * returns what the local store is to apply. Committer thread.
     *
     * @throws NotPublishedException when the group could not be published; nothing of it may then be
     *                               applied, and its pages are fetched again
     */
    LocalWrite publish(GroupWrite group);

    /**
     * Whether the crawl as a whole is over, told whether this process has anything left to do.
     * Dispatcher thread; called on every turn of its loop, so it must be cheap.
     */
    boolean finished(boolean idleHere);

    /** Whether this is {@link #ALONE}: then every host is owned from the start and nothing waits for others. */
    default boolean alone() {
        return false;
    }
}
