package dev.switchboard.response.cases;

import java.util.function.Supplier;

/** Transactions that just run the work: the in-memory store has nothing to roll back. */
public enum DirectTransactions implements Transactions {
  INSTANCE;

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return work.get();
  }
}
