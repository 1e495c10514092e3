package dev.dialtone.store;

/**
 * The one door to storage. Each request runs its work in one transaction: {@link #read} for
 * requests that change nothing, {@link #write} for those that may. A write either commits whole or
 * leaves no trace; an exception thrown by the work rolls it back and propagates unchanged.
 *
 * <p>A unit of work started inside another on the same thread joins it: it sees the outer work's
 * writes, commits only with it, and an exception it throws undoes its own writes alone (a
 * savepoint). That is how an idempotent request stores its answer in the transaction of its work.
 */
public interface Database extends AutoCloseable {

  /** A unit of work inside one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Tx tx);
  }

  <T> T read(Work<T> work);

  <T> T write(Work<T> work);

  /** Where the caches of sign-in records hear of changes to them ({@link Tx#identityChanged}). */
  IdentityChanges identityChanges();

  /**
   * Whether the database takes a write now: a database that answers reads but refuses writes (a
   * read-only file or server, a full disk) is not ready, since nearly every request writes.
   */
  default boolean isReady() {
    try {
      checkWritable();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Starts a write that changes no row, so that a database refusing writes says so; throws a {@link
   * StoreException} then.
   */
  default void checkWritable() {
    write(
        tx -> {
          tx.writeNothing();
          return true; // the work's result is not used
        });
  }

  @Override
  void close();
}
