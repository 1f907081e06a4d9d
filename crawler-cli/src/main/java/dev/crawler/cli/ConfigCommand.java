package dev.crawler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crawler config --defaults | --check FILE | --reference}: the config file, explained. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Prints the default config file (every setting with its default and what it does), "
                + "or checks a config file.")
final class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--defaults", description = "Print the default config file; save it and keep what you change.")
        boolean defaults;

        @Option(names = "--check", paramLabel = "FILE", description = "Check a config file and say what is wrong, with its line.")
        @Nullable Path check;

        @Option(names = "--reference", description = "Print the settings as a Markdown table (the README's reference).")
        boolean reference;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (action.defaults) {
            out.print(ConfigReference.defaultsFile());
        } else if (action.reference) {
            out.print(ConfigReference.markdownTable());
        } else if (action.check != null) {
            ConfigFile.load(action.check);
            out.println(action.check + ": ok");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
