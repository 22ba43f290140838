package dev.switchboard.contracts;

/** Whether the public can see the item on the platform. */
public enum Visibility {
  PUBLIC,
  PRIVATE
}
