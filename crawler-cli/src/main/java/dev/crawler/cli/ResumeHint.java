package dev.crawler.cli;

import dev.crawler.storage.StoreOptions;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The exact command that continues a crawl, ready to paste into a shell: the directory as the user
 * wrote it (quoted when a shell would split or expand it), and {@code --fsync} when this run had it,
 * because storage options are not stored with the crawl; and a larger {@code --max-pages} when the
 * crawl's page budget is what stopped it.
 */
final class ResumeHint {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=+@%,-]+");

    private ResumeHint() {
    }

    static String command(Path dir, StoreOptions options) {
        return "crawler resume --dir " + quote(dir.toString()) + (options.fsync() ? " --fsync" : "");
    }

    /**
     * What to tell the user about continuing a crawl that still has URLs queued. When its page budget
     * is spent, a resume with the stored budget would stop at once, so the command doubles it. (A run
     * counts the budget from the pages fetched before it, so failed fetches never leave it stuck.)
     *
     * @param pagesDone pages fetched by every run so far, as counted against {@code maxPages}
     * @return one or two lines, the last one starting with {@code Continue with: }
     */
    static String continuation(Path dir, StoreOptions options, long maxPages, long pagesDone) {
        String command = command(dir, options);
        if (maxPages <= 0 || pagesDone < maxPages) {
            return "Continue with: " + command;
        }
        long larger = maxPages > Long.MAX_VALUE / 2 ? 0 : maxPages * 2;
        return "The page budget of " + maxPages + " pages is spent; a resume needs a larger --max-pages (0: no limit)."
                + System.lineSeparator() + "Continue with: " + command + " --max-pages " + larger;
    }

    static String quote(String argument) {
        if (SHELL_SAFE.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
