package dev.switchboard.response.cases.persistence;

import dev.switchboard.contracts.CaseEvent;
import dev.switchboard.contracts.CaseEvent.CaseStatus;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import dev.switchboard.contracts.Topics;
import dev.switchboard.response.cases.Case;
import dev.switchboard.response.cases.CaseStore;
import dev.switchboard.response.cases.IncomingPost;
import dev.switchboard.response.cases.Post;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The case store in PostgreSQL (schema: {@code db/migration}). */
@Repository
public class JdbcCaseStore implements CaseStore {

  private static final String CASE_COLUMNS =
      "case_id, conversation_key, status, channel, account, first_post_at, last_post_at,"
          + " post_count, labels, priority, team, sequence";
  private static final String POST_COLUMNS =
      "item_id, event_id, case_id, kind, revision, author_name, text, url, posted_at, labels,"
          + " priority, route, deleted";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  /** Creates the store over the service's database. */
  public JdbcCaseStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public boolean markProcessed(String eventId, Instant at) {
    // ON CONFLICT makes a concurrent duplicate wait for the first transaction, then see it.
    return jdbc.sql(
                "insert into processed_events (event_id, processed_at) values (?, ?)"
                    + " on conflict (event_id) do nothing")
            .params(eventId, ts(at))
            .update()
        == 1;
  }

  @Override
  public Optional<Case> lockCase(String caseId) {
    return jdbc.sql("select " + CASE_COLUMNS + " from cases where case_id = ? for update")
        .param(caseId)
        .query((rs, n) -> toCase(rs))
        .optional();
  }

  @Override
  public Optional<Case> findCase(String caseId) {
    return jdbc.sql("select " + CASE_COLUMNS + " from cases where case_id = ?")
        .param(caseId)
        .query((rs, n) -> toCase(rs))
        .optional();
  }

  @Override
  public Optional<Post> findPost(String itemId) {
    return jdbc.sql("select " + POST_COLUMNS + " from posts where item_id = ?")
        .param(itemId)
        .query((rs, n) -> toPost(rs))
        .optional();
  }

  @Override
  public void saveCase(Case c, Instant at) {
    jdbc.sql(
            "insert into cases ("
                + CASE_COLUMNS
                + ", created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (case_id) do update set status = excluded.status,"
                + " first_post_at = excluded.first_post_at, last_post_at = excluded.last_post_at,"
                + " post_count = excluded.post_count, labels = excluded.labels,"
                + " priority = excluded.priority, team = excluded.team,"
                + " sequence = excluded.sequence, updated_at = excluded.updated_at")
        .params(
            c.caseId(),
            c.conversationKey(),
            c.status().name(),
            c.channel().name(),
            c.account(),
            ts(c.firstPostAt()),
            ts(c.lastPostAt()),
            c.postCount(),
            names(c.labels()),
            c.priority().name(),
            c.team().name(),
            c.sequence(),
            ts(at),
            ts(at))
        .update();
  }

  @Override
  public void savePost(Post p, Instant at) {
    jdbc.sql(
            "insert into posts ("
                + POST_COLUMNS
                + ", updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (item_id) do update set event_id = excluded.event_id,"
                + " kind = excluded.kind, revision = excluded.revision,"
                + " author_name = excluded.author_name, text = excluded.text, url = excluded.url,"
                + " posted_at = excluded.posted_at, labels = excluded.labels,"
                + " priority = excluded.priority, route = excluded.route,"
                + " deleted = excluded.deleted, updated_at = excluded.updated_at")
        .params(
            p.itemId(),
            p.eventId(),
            p.caseId(),
            p.kind().name(),
            p.revision(),
            p.authorName(),
            p.text(),
            p.url(),
            ts(p.postedAt()),
            names(p.labels()),
            p.priority().name(),
            p.route().name(),
            p.deleted(),
            ts(at))
        .update();
  }

  @Override
  public void keepRevision(IncomingPost in, Instant at) {
    jdbc.sql(
            "insert into post_revisions (item_id, event_id, kind, revision, text, recorded_at)"
                + " values (?, ?, ?, ?, ?, ?) on conflict (item_id, event_id) do nothing")
        .params(in.itemId(), in.eventId(), in.kind().name(), in.revision(), in.text(), ts(at))
        .update();
  }

  @Override
  public void appendToOutbox(CaseEvent event, Instant at) {
    jdbc.sql(
            "insert into outbox (event_id, topic, record_key, ce_type, payload, occurred_at,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            event.eventId(),
            Topics.CASE_EVENTS,
            event.caseId(),
            CaseEvent.CE_TYPE,
            json.writeValueAsString(event),
            ts(event.occurredAt()),
            ts(at))
        .update();
  }

  @Override
  public List<Case> listCases(Optional<CaseStatus> status, int size) {
    if (status.isPresent()) {
      return jdbc.sql(
              "select "
                  + CASE_COLUMNS
                  + " from cases where status = ? order by last_post_at desc, case_id limit ?")
          .params(status.get().name(), size)
          .query((rs, n) -> toCase(rs))
          .list();
    }
    return jdbc.sql(
            "select " + CASE_COLUMNS + " from cases order by last_post_at desc, case_id limit ?")
        .param(size)
        .query((rs, n) -> toCase(rs))
        .list();
  }

  @Override
  public List<Post> postsOf(String caseId) {
    return jdbc.sql(
            "select " + POST_COLUMNS + " from posts where case_id = ? order by posted_at, item_id")
        .param(caseId)
        .query((rs, n) -> toPost(rs))
        .list();
  }

  private static Case toCase(ResultSet rs) throws SQLException {
    return new Case(
        rs.getString("case_id"),
        rs.getString("conversation_key"),
        CaseStatus.valueOf(rs.getString("status")),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("account"),
        rs.getTimestamp("first_post_at").toInstant(),
        rs.getTimestamp("last_post_at").toInstant(),
        rs.getInt("post_count"),
        labels(rs.getArray("labels")),
        Priority.valueOf(rs.getString("priority")),
        Team.valueOf(rs.getString("team")),
        rs.getLong("sequence"));
  }

  private static Post toPost(ResultSet rs) throws SQLException {
    return new Post(
        rs.getString("item_id"),
        rs.getString("event_id"),
        rs.getString("case_id"),
        EventKind.valueOf(rs.getString("kind")),
        rs.getInt("revision"),
        rs.getString("author_name"),
        rs.getString("text"),
        rs.getString("url"),
        rs.getTimestamp("posted_at").toInstant(),
        labels(rs.getArray("labels")),
        Priority.valueOf(rs.getString("priority")),
        Team.valueOf(rs.getString("route")),
        rs.getBoolean("deleted"));
  }

  private static Set<LabelName> labels(Array array) throws SQLException {
    Set<LabelName> labels = EnumSet.noneOf(LabelName.class);
    for (Object name : (Object[]) array.getArray()) {
      labels.add(LabelName.valueOf((String) name));
    }
    return labels;
  }

  private static String[] names(Set<LabelName> labels) {
    return labels.stream().sorted().map(Enum::name).toArray(String[]::new);
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }
}
