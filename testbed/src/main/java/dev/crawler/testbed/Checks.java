package dev.crawler.testbed;

import java.time.Duration;

/** Argument checks shared by the configuration records; every message names the offending field. */
final class Checks {

  private Checks() {}

  static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "] but was " + value);
    }
    return value;
  }

  static long range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "] but was " + value);
    }
    return value;
  }

  static Duration duration(String field, Duration value, Duration max) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    if (value.isNegative() || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(field + " must be between 0 and " + max + " but was " + value);
    }
    return value;
  }

  /**
   * Checks that {@code prefix + 1 .. prefix + count} are dotted IPv4 loopback addresses, so that the
   * testbed can never listen on (or link to) anything but 127.0.0.0/8.
   */
  static String loopbackPrefix(String field, String prefix, int count) {
    if (prefix == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    String[] octets = prefix.split("\\.", -1);
    boolean shaped = octets.length == 4 && octets[3].isEmpty() && "127".equals(octets[0])
        && isOctet(octets[1]) && isOctet(octets[2]);
    if (!shaped) {
      throw new IllegalArgumentException(
          field + " must look like \"127.X.Y.\" (a loopback /24 ending in a dot) but was \"" + prefix + "\"");
    }
    if (count > 254) {
      throw new IllegalArgumentException(field + " can hold at most 254 hosts but " + count + " were asked for");
    }
    return prefix;
  }

  private static boolean isOctet(String text) {
    if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int value = Integer.parseInt(text);
    return value <= 255 && String.valueOf(value).equals(text);
  }
}
