package dev.switchboard.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run the four services.
 *
 * @param home the project root (where {@code mvnw} is); the service jars are under it
 * @param ingestPort HTTP port of ingest-service
 * @param classifyPort HTTP port of classify-service
 * @param responsePort HTTP port of response-service
 * @param moderationPort HTTP port of moderation-service
 * @param topicPartitions partitions of every topic the services create
 * @param webhookSecrets webhook secret per account, passed as {@code
 *     SWITCHBOARD_WEBHOOK_SECRET_<ACCOUNT>}
 * @param maxHeap heap limit of each service JVM, e.g. {@code 384m}
 * @param demoAccount the account ingest's demo source plays to, or null for no demo stream
 * @param demoRate the demo stream's posts a minute
 */
public record StackOptions(
    Path home,
    int ingestPort,
    int classifyPort,
    int responsePort,
    int moderationPort,
    int topicPartitions,
    Map<String, String> webhookSecrets,
    String maxHeap,
    String demoAccount,
    double demoRate) {

  /** Options without the demo stream (as the end-to-end test runs it). */
  public StackOptions(
      Path home,
      int ingestPort,
      int classifyPort,
      int responsePort,
      int moderationPort,
      int topicPartitions,
      Map<String, String> webhookSecrets,
      String maxHeap) {
    this(
        home,
        ingestPort,
        classifyPort,
        responsePort,
        moderationPort,
        topicPartitions,
        webhookSecrets,
        maxHeap,
        null,
        0);
  }

  /** Whether ingest plays the demo stream. */
  public boolean demo() {
    return demoAccount != null;
  }

  /** The environment variable that carries an account's webhook secret (see channels). */
  public static String secretVariable(String account) {
    StringBuilder name = new StringBuilder("SWITCHBOARD_WEBHOOK_SECRET_");
    for (char c : account.toCharArray()) {
      name.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
    }
    return name.toString();
  }
}
