package dev.crawler.cli;

import dev.crawler.storage.CrawlDirectoryException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crawler} command. */
@Command(name = "crawler", mixinStandardHelpOptions = true, version = "crawler 0.1.0",
        description = "Crawls online shops politely, extracts their products, and exports them.",
        subcommands = {CrawlCommand.class, ResumeCommand.class, RecrawlCommand.class, WatchCommand.class, ExportCommand.class, StatusCommand.class, StopCommand.class,
                ConfigCommand.class, ExtractCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done; for a crawl, nothing left queued",
                "1:bad usage, flags, seeds or config",
                "2:crawl directory problem: missing, not a crawl, in use, damaged, disk full",
                "3:the crawl stopped on an error it could not survive (resumable)",
                "4:the run ended with URLs still queued: parked hosts or the page budget (resumable)",
                "130:interrupted with Ctrl-C (resumable)",
                "143:stopped with kill (SIGTERM), as gracefully as by Ctrl-C (resumable)"})
public final class CrawlerMain {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code, without exiting. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for callers (and tests) that set their own output streams. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new CrawlerMain());
        commandLine.setExecutionExceptionHandler(CrawlerMain::handle);
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            PrintWriter err = error.getCommandLine().getErr();
            err.println("crawler: " + error.getMessage());
            err.println("Try 'crawler " + error.getCommandLine().getCommandName() + " --help' for more.");
            return ExitCodes.USAGE;
        });
        return commandLine;
    }

    /** One line for a person, never a stack trace, and an exit code that says what kind of problem it was. */
    private static int handle(Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (error instanceof CrawlDirectoryException directory) {
            err.println("crawler: " + directory.getMessage());
            return ExitCodes.CRAWL_DIRECTORY;
        }
        if (error instanceof UserError || error instanceof IllegalArgumentException) {
            err.println("crawler: " + error.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("crawler: unexpected error: " + error);
        org.slf4j.LoggerFactory.getLogger(CrawlerMain.class).error("unexpected error", error);
        return ExitCodes.CRAWL_FAILED;
    }
}
