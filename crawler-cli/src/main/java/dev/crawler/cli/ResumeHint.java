package dev.crawler.cli;

import dev.crawler.storage.StoreOptions;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The exact command that continues a crawl, ready to paste into a shell: the directory as the user
 * wrote it (quoted when a shell would split or expand it), and {@code --fsync} when this run had it,
 * because storage options are not stored with the crawl.
 */
final class ResumeHint {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=+@%,-]+");

    private ResumeHint() {
    }

    static String command(Path dir, StoreOptions options) {
        return "crawler resume --dir " + quote(dir.toString()) + (options.fsync() ? " --fsync" : "");
    }

    static String quote(String argument) {
        if (SHELL_SAFE.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
