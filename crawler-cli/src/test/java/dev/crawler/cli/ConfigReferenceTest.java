package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crawler.core.config.ProxyRule;
import dev.crawler.core.extract.SiteRule;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The documented config stays in step with the code: the defaults file, the descriptions, the README. */
class ConfigReferenceTest {
    private static final Pattern TABLE_KEY = Pattern.compile("^\\| `([A-Za-z.\\[\\]]+)` \\|", Pattern.MULTILINE);

    /** Every key the records have: leaves of the defaults tree, and the fields of a site rule and a proxy rule. */
    private static List<String> keysOfTheRecords() {
        JsonNode defaults = ConfigFile.MAPPER.valueToTree(ConfigDocument.defaults());
        List<String> keys = new ArrayList<>(YamlLines.leafPaths(defaults));
        Arrays.stream(SiteRule.class.getRecordComponents()).map(RecordComponent::getName)
                .forEach(name -> keys.add("extraction.siteRules[]." + name));
        Arrays.stream(ProxyRule.class.getRecordComponents()).map(RecordComponent::getName)
                .forEach(name -> keys.add("fetch.proxies[]." + name));
        return keys;
    }

    @Test
    void theDefaultsFileReadsBackAsExactlyTheDefaults() {
        assertThat(ConfigFile.parse(ConfigReference.defaultsFile(), "defaults.yaml")).isEqualTo(ConfigDocument.defaults());
    }

    @Test
    void everySettingOfTheRecordsIsDescribedAndNothingElse() {
        assertThat(ConfigReference.keys()).containsExactlyInAnyOrderElementsOf(keysOfTheRecords());
    }

    @Test
    void theDefaultsFileShowsEverySettingWithAComment() {
        String file = ConfigReference.defaultsFile();

        for (String key : YamlLines.leafPaths(ConfigFile.MAPPER.valueToTree(ConfigDocument.defaults()))) {
            String name = key.substring(key.lastIndexOf('.') + 1);
            assertThat(file).as(key).containsPattern("(?m)^  # .*\\n  " + Pattern.quote(name) + ": ");
        }
    }

    @Test
    void configDefaultsPrintsTheDefaultsFile() {
        Cli.Result result = Cli.run("config", "--defaults");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(ConfigReference.defaultsFile());
    }

    @Test
    void configCheckSaysWhatIsWrongWithAFile() throws Exception {
        Path file = Files.writeString(Files.createTempFile("crawl", ".yaml"), "limits:\n  maxPagez: 10\n");
        try {
            Cli.Result result = Cli.run("config", "--check", file.toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).isEqualTo("crawler: " + file + " line 2: unknown setting 'limits.maxPagez'; "
                    + "did you mean 'limits.maxPages'?\n");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theReadmeReferenceTableListsEverySettingAndNoOther() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> listed = new ArrayList<>();
        Matcher rows = TABLE_KEY.matcher(readme);
        while (rows.find()) {
            listed.add(rows.group(1));
        }

        assertThat(listed).as("`crawler config --reference` prints the table to paste")
                .containsExactlyInAnyOrderElementsOf(ConfigReference.keys());
        assertThat(readme).as("defaults, flags and meanings as the code has them; paste `crawler config --reference`")
                .contains(ConfigReference.markdownTable());
    }
}
