package dev.switchboard.kafkabroker;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class (the first argument, e.g. {@code kafka.Kafka}) and exits when standard
 * input closes, so a broker started by embedded-infra never outlives the JVM that started it, even
 * one killed with SIGKILL. Exiting runs the broker's own shutdown hook, a clean shutdown.
 */
public final class ParentWatchingMain {

  private ParentWatchingMain() {}

  /** {@code <main class> [its arguments...]}. */
  public static void main(String[] args) throws Throwable {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: ParentWatchingMain <main class> [args...]");
    }
    Thread watcher = new Thread(() -> watch(System.in), "parent-watch");
    watcher.setDaemon(true);
    watcher.start();
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void watch(InputStream stdin) {
    try {
      while (stdin.read() >= 0) {
        // the parent never writes; anything read is ignored
      }
    } catch (IOException e) {
      // a broken pipe means the parent is gone, which is the same signal as EOF
    }
    System.exit(0);
  }
}
