package dev.switchboard.moderation.persistence;

import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import dev.switchboard.moderation.domain.ObservedItem;
import dev.switchboard.moderation.domain.ObservedItems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ObservedItems} in PostgreSQL (table {@code observed_item}, Flyway V1). */
public final class JdbcObservedItems implements ObservedItems {

  private final JdbcClient jdbc;

  /** Uses the service's own database. */
  public JdbcObservedItems(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean addIfAbsent(ObservedItem item) {
    // ON CONFLICT rather than check-then-insert: two deliveries racing still store one row.
    int inserted =
        jdbc.sql(
                """
                INSERT INTO observed_item (event_id, item_id, conversation_key, channel, account,
                    event_kind, labels, priority, route, classified_at, recorded_at)
                VALUES (:eventId, :itemId, :conversationKey, :channel, :account,
                    :kind, :labels, :priority, :route, :classifiedAt, :recordedAt)
                ON CONFLICT (event_id) DO NOTHING
                """)
            .param("eventId", item.eventId())
            .param("itemId", item.itemId())
            .param("conversationKey", item.conversationKey())
            .param("channel", item.channel().name())
            .param("account", item.account())
            .param("kind", item.kind().name())
            .param("labels", String.join(",", item.labels().stream().map(Enum::name).toList()))
            .param("priority", item.priority().name())
            .param("route", item.route() == null ? null : item.route().name())
            .param("classifiedAt", Timestamp.from(item.classifiedAt()))
            .param("recordedAt", Timestamp.from(item.recordedAt()))
            .update();
    return inserted == 1;
  }

  @Override
  public List<ObservedItem> inConversation(String conversationKey) {
    return jdbc.sql(
            """
            SELECT event_id, item_id, conversation_key, channel, account, event_kind, labels,
                priority, route, classified_at, recorded_at
            FROM observed_item
            WHERE conversation_key = :conversationKey
            ORDER BY recorded_at, event_id
            """)
        .param("conversationKey", conversationKey)
        .query((rs, row) -> toItem(rs))
        .list();
  }

  private static ObservedItem toItem(ResultSet rs) throws SQLException {
    String route = rs.getString("route");
    return new ObservedItem(
        rs.getString("event_id"),
        rs.getString("item_id"),
        rs.getString("conversation_key"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("account"),
        EventKind.valueOf(rs.getString("event_kind")),
        labels(rs.getString("labels")),
        Priority.valueOf(rs.getString("priority")),
        route == null ? null : Team.valueOf(route),
        rs.getTimestamp("classified_at").toInstant(),
        rs.getTimestamp("recorded_at").toInstant());
  }

  private static List<LabelName> labels(String joined) {
    List<LabelName> labels = new ArrayList<>();
    if (joined != null && !joined.isEmpty()) {
      for (String name : joined.split(",")) {
        labels.add(LabelName.valueOf(name));
      }
    }
    return labels;
  }
}
