package dev.crawler.core.coordination;


/** The crawl is this process's alone: it owns every host, publishes nothing, and is over when it is idle. */
final class Alone implements Coordination {
    @Override
    public boolean owns(String origin) {
        return true;
    }

    @Override
    public boolean mayFetch() {
        return true;
    }

    @Override
    public void start(CoordinationEvents events) {
        // Nothing changes ownership and nothing arrives from elsewhere.
    }

    @Override
    public LocalWrite publish(GroupWrite group) {
        return LocalWrite.asIs(group);
    }

    @Override
    public boolean finished(boolean idleHere) {
        return idleHere;
    }

    @Override
    public boolean alone() {
        return true;
    }

    @Override
    public String toString() {
        return "alone";
    }
}
