package dev.crawler.testbed;

import java.time.Duration;
import java.time.Instant;

/**
 * How the world changes from one epoch to the next, and which shops answer conditional requests.
 * Every field is checked once, here; the messages name the field.
 *
 * <p>Each share is of the products live in a shop at the previous epoch; a share that does not come
 * out whole is rounded up or down by a draw from the seed, so that small shops still see rare changes
 * now and then. Epoch 0 is the generated catalogue, untouched by any of this.
 *
 * @param priceShare products whose price changes in each epoch; 0..1, default 0.05
 * @param availabilityShare products whose availability changes in each epoch; 0..1, default 0.02
 * @param nameShare products renamed in each epoch (the URL stays); 0..1, default 0.005
 * @param goneShare products removed in each epoch: their page answers 404 or 410 from then on and no
 *     page links them any more; 0..1, default 0.01
 * @param newShare products added in each epoch, at the end of a category listing; 0..1, default 0.01
 * @param noValidatorsEvery every Nth shop (shop N, 2N, ... counting from 1) sends neither {@code ETag}
 *     nor {@code Last-Modified} and ignores conditional headers; 0 means every shop sends validators;
 *     0..254, default 0
 * @param epochZero when epoch 0 began: the {@code Last-Modified} of every page that has not changed
 *     since; whole seconds (HTTP dates have no fraction); default 2024-01-01T00:00:00Z
 * @param epochLength the time between two epochs, so epoch {@code e} began at
 *     {@code epochZero + e * epochLength}; whole seconds, 1 s..366 days, default one day
 */
public record EpochConfig(double priceShare, double availabilityShare, double nameShare, double goneShare,
    double newShare, int noValidatorsEvery, Instant epochZero, Duration epochLength) {

  /** The highest epoch a testbed can reach: each epoch is replayed from epoch 0 when asked for. */
  public static final int MAX_EPOCH = 1_000;

  private static final Duration MAX_EPOCH_LENGTH = Duration.ofDays(366);

  public EpochConfig {
    share("priceShare", priceShare);
    share("availabilityShare", availabilityShare);
    share("nameShare", nameShare);
    share("goneShare", goneShare);
    share("newShare", newShare);
    Checks.range("noValidatorsEvery", noValidatorsEvery, 0, 254);
    if (epochZero == null || epochZero.getNano() != 0) {
      throw new IllegalArgumentException("epochZero must be a whole second but was " + epochZero);
    }
    if (epochLength == null || epochLength.getNano() != 0 || epochLength.isNegative() || epochLength.isZero()
        || epochLength.compareTo(MAX_EPOCH_LENGTH) > 0) {
      throw new IllegalArgumentException(
          "epochLength must be whole seconds between 1 s and " + MAX_EPOCH_LENGTH + " but was " + epochLength);
    }
  }

  /** 5 % prices, 2 % availability, 0.5 % names, 1 % gone and 1 % new per epoch; every shop sends validators. */
  public static EpochConfig defaults() {
    return new EpochConfig(0.05, 0.02, 0.005, 0.01, 0.01, 0, Instant.parse("2024-01-01T00:00:00Z"),
        Duration.ofDays(1));
  }

  /** Nothing ever changes: every epoch serves the world of epoch 0. */
  public static EpochConfig frozen() {
    return defaults().withShares(0, 0, 0, 0, 0);
  }

  public EpochConfig withShares(double priceShare, double availabilityShare, double nameShare, double goneShare,
      double newShare) {
    return new EpochConfig(priceShare, availabilityShare, nameShare, goneShare, newShare, noValidatorsEvery,
        epochZero, epochLength);
  }

  public EpochConfig withPriceShare(double priceShare) {
    return withShares(priceShare, availabilityShare, nameShare, goneShare, newShare);
  }

  public EpochConfig withNoValidatorsEvery(int noValidatorsEvery) {
    return new EpochConfig(priceShare, availabilityShare, nameShare, goneShare, newShare, noValidatorsEvery,
        epochZero, epochLength);
  }

  public EpochConfig withClock(Instant epochZero, Duration epochLength) {
    return new EpochConfig(priceShare, availabilityShare, nameShare, goneShare, newShare, noValidatorsEvery,
        epochZero, epochLength);
  }

  /** Whether shop {@code index} (0-based) sends {@code ETag} and {@code Last-Modified}. */
  public boolean sendsValidators(int index) {
    return noValidatorsEvery == 0 || (index + 1) % noValidatorsEvery != 0;
  }

  /** When epoch {@code epoch} began. */
  public Instant start(int epoch) {
    checkEpoch("epoch", epoch);
    return epochZero.plus(epochLength.multipliedBy(epoch));
  }

  static int checkEpoch(String field, int epoch) {
    return Checks.range(field, epoch, 0, MAX_EPOCH);
  }

  private static void share(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be between 0 and 1 but was " + value);
    }
  }
}
