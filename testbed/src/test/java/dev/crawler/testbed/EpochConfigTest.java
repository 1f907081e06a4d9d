package dev.crawler.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpochConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertThat(EpochConfig.defaults()).isEqualTo(new EpochConfig(0.05, 0.02, 0.005, 0.01, 0.01, 0,
        Instant.parse("2024-01-01T00:00:00Z"), Duration.ofDays(1)));
    assertThat(TestbedConfig.defaults().epochs()).isEqualTo(EpochConfig.defaults());
  }

  @Test
  void everyNthShopCountingFromOneGoesWithoutValidators() {
    EpochConfig everyThird = EpochConfig.defaults().withNoValidatorsEvery(3);
    assertThat(java.util.stream.IntStream.range(0, 7).filter(i -> !everyThird.sendsValidators(i)).boxed())
        .containsExactly(2, 5);
    assertThat(EpochConfig.defaults().sendsValidators(2)).isTrue();
  }

  @Test
  void epochNStartsNEpochLengthsAfterEpochZero() {
    EpochConfig config = EpochConfig.defaults().withClock(Instant.parse("2025-03-01T12:00:00Z"), Duration.ofHours(6));
    assertThat(config.start(0)).isEqualTo(Instant.parse("2025-03-01T12:00:00Z"));
    assertThat(config.start(5)).isEqualTo(Instant.parse("2025-03-02T18:00:00Z"));
  }

  @Test
  void rejectsBadValuesNamingTheField() {
    assertThatThrownBy(() -> EpochConfig.defaults().withPriceShare(1.5)).hasMessageStartingWith("priceShare ");
    assertThatThrownBy(() -> EpochConfig.defaults().withShares(0, Double.NaN, 0, 0, 0))
        .hasMessageStartingWith("availabilityShare ");
    assertThatThrownBy(() -> EpochConfig.defaults().withShares(0, 0, 0, -0.1, 0)).hasMessageStartingWith("goneShare ");
    assertThatThrownBy(() -> EpochConfig.defaults().withNoValidatorsEvery(-1))
        .hasMessageStartingWith("noValidatorsEvery ");
    assertThatThrownBy(() -> EpochConfig.defaults().withClock(Instant.parse("2024-01-01T00:00:00.5Z"),
        Duration.ofDays(1))).hasMessageStartingWith("epochZero ");
    assertThatThrownBy(() -> EpochConfig.defaults().withClock(Instant.EPOCH, Duration.ofMillis(1500)))
        .hasMessageStartingWith("epochLength ");
    assertThatThrownBy(() -> EpochConfig.defaults().withClock(Instant.EPOCH, Duration.ZERO))
        .hasMessageStartingWith("epochLength ");
    assertThatThrownBy(() -> EpochConfig.defaults().start(EpochConfig.MAX_EPOCH + 1)).hasMessageStartingWith("epoch ");
    assertThatThrownBy(() -> TestbedConfig.defaults().withEpochs(null)).hasMessageStartingWith("epochs ");
  }
}
