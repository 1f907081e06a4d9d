package dev.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DurationConverterTest {
    @ParameterizedTest(name = "{0} is {1} ms")
    @CsvSource({"0, 0", "0.5, 500", "2, 2000", "500ms, 500", "2s, 2000", "1.5s, 1500", "1m, 60000", "250 ms, 250"})
    void delaysReadAsSecondsOrWithAUnit(String text, long millis) {
        assertThat(new DurationConverter().convert(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "fast", "1 day", "", "1.2.3s"})
    void anythingElseIsRefusedWithAnExample(String text) {
        assertThatThrownBy(() -> new DurationConverter().convert(text))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("500ms");
    }
}
