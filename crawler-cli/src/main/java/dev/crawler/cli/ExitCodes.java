package dev.crawler.cli;

/** The exit codes of the {@code crawler} command; documented in the README. */
public final class ExitCodes {
    /** The command did what it was asked; for a crawl, nothing is left queued. */
    public static final int OK = 0;
    /** Bad usage, flags, seeds or config. */
    public static final int USAGE = 1;
    /** The crawl directory is missing, not a crawl, in use, damaged, or its disk is full. */
    public static final int CRAWL_DIRECTORY = 2;
    /** The crawl stopped because of an error it could not survive; it can be resumed. */
    public static final int CRAWL_FAILED = 3;
    /**
     * The run ended with URLs still queued: hosts it parked, or the page budget; {@code crawler status}
     * says which, and {@code crawler resume} goes on.
     */
    public static final int UNFINISHED = 4;
    /** Interrupted (Ctrl-C); the crawl can be resumed. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
