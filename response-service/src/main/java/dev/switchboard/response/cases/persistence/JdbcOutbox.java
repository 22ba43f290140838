package dev.switchboard.response.cases.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads unsent outbox rows and marks them sent, for the relay. */
@Repository
public class JdbcOutbox {

  /**
   * One unsent record.
   *
   * @param id the row, in commit order
   * @param eventId the CloudEvents id
   * @param topic where it goes
   * @param key the Kafka record key
   * @param ceType the CloudEvents type
   * @param payload the JSON body
   * @param occurredAt the CloudEvents time
   */
  public record Entry(
      long id,
      String eventId,
      String topic,
      String key,
      String ceType,
      String payload,
      Instant occurredAt) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  /** Creates it over the service's database. */
  public JdbcOutbox(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Hands the oldest unsent rows to {@code publish} and marks those it returned from sent, in one
   * transaction. The rows stay locked meanwhile (SKIP LOCKED), so two instances never relay the
   * same row; if {@code publish} throws, nothing is marked and the rows are tried again.
   *
   * @return how many rows were marked sent
   */
  public int relay(int batchSize, Instant now, Consumer<List<Entry>> publish) {
    Integer sent =
        transactions.execute(
            status -> {
              List<Entry> batch =
                  jdbc.sql(
                          "select id, event_id, topic, record_key, ce_type, payload, occurred_at"
                              + " from outbox where sent_at is null order by id limit ?"
                              + " for update skip locked")
                      .param(batchSize)
                      .query(
                          (rs, n) ->
                              new Entry(
                                  rs.getLong("id"),
                                  rs.getString("event_id"),
                                  rs.getString("topic"),
                                  rs.getString("record_key"),
                                  rs.getString("ce_type"),
                                  rs.getString("payload"),
                                  rs.getTimestamp("occurred_at").toInstant()))
                      .list();
              if (batch.isEmpty()) {
                return 0;
              }
              publish.accept(batch);
              Long[] ids = batch.stream().map(Entry::id).toArray(Long[]::new);
              return jdbc.sql("update outbox set sent_at = ? where id = any(?)")
                  .params(Timestamp.from(now), ids)
                  .update();
            });
    return sent == null ? 0 : sent;
  }

  /**
   * How many rows wait to be relayed (a gauge: a growing number means Kafka is not taking them).
   */
  public long pending() {
    return jdbc.sql("select count(*) from outbox where sent_at is null").query(Long.class).single();
  }
}
