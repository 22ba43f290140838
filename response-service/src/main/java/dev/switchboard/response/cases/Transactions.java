package dev.switchboard.response.cases;

import java.util.function.Supplier;

/** Runs work in one database transaction: all of it is kept, or none of it. */
@FunctionalInterface
public interface Transactions {

  /** Runs the work in a transaction and returns its result. */
  <T> T inTransaction(Supplier<T> work);
}
