package dev.crawler.storage;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Change events that arrive in any order, possibly more than once (a cluster crawl's history topic,
 * read partition by partition), handed out once each in the order they were observed, as a crawl's
 * own history gives them. Kept on disk in a throwaway RocksDB, keyed as the history keys them, so an
 * event read twice is kept once. Closing deletes the directory.
 *
 * <p>One thread at a time.
 */
public final class ChangesInTimeOrder implements AutoCloseable {
    private final ScratchStore scratch;

    /** Opens an empty one in a new directory under {@code parent}. */
    public ChangesInTimeOrder(Path parent) {
        this.scratch = new ScratchStore(parent, "crawler-changes-");
    }

    public void put(ChangeEvent event) {
        scratch.put(History.key(event), StoreJson.write(event));
    }

    /** Hands every event to {@code action}, oldest first. */
    public void forEach(Consumer<ChangeEvent> action) {
        scratch.forEachValue(bytes -> action.accept(StoreJson.read(bytes, ChangeEvent.class)));
    }

    @Override
    public void close() {
        scratch.close();
    }
}
