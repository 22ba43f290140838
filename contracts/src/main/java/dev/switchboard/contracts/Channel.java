package dev.switchboard.contracts;

/** A platform the trust is present on; one connector family per channel. */
public enum Channel {
  FACEBOOK,
  INSTAGRAM,
  X,
  YOUTUBE,
  WORDPRESS,
  BLOGGER,
  CARE_OPINION,
  GOOGLE_REVIEWS,
  RSS,
  /** The documented generic webhook, for tools that can call one (and the simulator). */
  GENERIC
}
