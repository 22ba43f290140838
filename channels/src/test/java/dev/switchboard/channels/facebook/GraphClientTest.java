package dev.switchboard.channels.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.channels.http.GraphRules;
import dev.switchboard.channels.http.PlatformException;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.ResilienceSettings;
import dev.switchboard.fakes.FakeFacebookGraph;
import dev.switchboard.fakes.GraphFault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Graph client over the real micronaut transport against the fake Graph API. */
class GraphClientTest {

  private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
  private final FakeFacebookGraph graph = FakeFacebookGraph.start().addPage("111", "tok");
  private final PlatformHttp http =
      PlatformHttp.create(
          toUrl(),
          new GraphRules(),
          ResilienceSettings.defaults()
              .withRetry(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2))
              .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
  private final GraphClient client = new GraphClient(http, "v21.0");

  private java.net.URL toUrl() {
    try {
      return graph.baseUrl().toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    graph.close();
  }

  @Test
  void readsEveryPostOfTheFeedAcrossPagesWithRawAndTimes() {
    for (int i = 0; i < 5; i++) {
      graph.addPost("111", "post " + i, "u" + i, "User " + i, T0.plusSeconds(60L * i));
    }
    List<GraphItem> all = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      GraphPage page = client.feed("111", "tok", null, after, 2);
      all.addAll(page.items());
      after = page.hasNext() ? page.after() : null;
      pages++;
    } while (after != null);

    assertThat(pages).isEqualTo(3);
    assertThat(all)
        .extracting(GraphItem::message)
        .containsExactly("post 4", "post 3", "post 2", "post 1", "post 0");
    GraphItem newest = all.get(0);
    assertThat(newest.createdTime()).isEqualTo(T0.plusSeconds(240));
    assertThat(newest.fromName()).isEqualTo("User 4");
    assertThat(newest.raw()).contains("\"message\":\"post 4\"");
    assertThat(newest.edited()).isFalse();
    assertThat(graph.requests().get(0).query()).doesNotContain("tok");
  }

  @Test
  void commentsCarryTheirPostAndParent() {
    String post = graph.addPost("111", "p", "u", "U", T0);
    String top = graph.addComment(post, null, "top", "a", "A", T0.plusSeconds(5));
    String reply = graph.addComment(post, top, "reply", "b", "B", T0.plusSeconds(9));

    GraphPage page = client.comments(post, "tok", null, 25);

    assertThat(page.items()).extracting(GraphItem::id).containsExactly(top, reply);
    assertThat(page.items().get(1).parentId()).isEqualTo(top);
    assertThat(page.items().get(1).containerId()).isEqualTo(post);
  }

  @Test
  void aBrokenItemIsCountedAndLeftOut() {
    graph.addPost("111", "good", "u", "U", T0);
    String broken = graph.addPost("111", "bad", "u", "U", T0.plusSeconds(1));
    graph.corruptPost(broken);

    GraphPage page = client.feed("111", "tok", null, null, 25);

    assertThat(page.items()).extracting(GraphItem::message).containsExactly("good");
    assertThat(page.malformedItems()).isEqualTo(1);
  }

  @Test
  void malformedJsonIsAMalformedResponse() {
    graph.failNext(new GraphFault.MalformedJson());

    assertThatThrownBy(() -> client.feed("111", "tok", null, null, 25))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.MALFORMED_RESPONSE));
  }

  @Test
  void aGraphRateLimitIsRetriedAndAWrongTokenIsNot() {
    graph.addPost("111", "p", "u", "U", T0);
    graph.failNext(new GraphFault.GraphRateLimit(4, 0));

    assertThat(client.feed("111", "tok", null, null, 25).items()).hasSize(1);
    int before = graph.requests().size();

    assertThatThrownBy(() -> client.feed("111", "wrong", null, null, 25))
        .isInstanceOfSatisfying(
            PlatformException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(PlatformException.Kind.PERMANENT);
              assertThat(e.errorCode()).hasValue("190");
            });
    assertThat(graph.requests()).hasSize(before + 1);
  }

  @Test
  void aSlowAnswerTimesOutAndIsRetried() {
    graph.addPost("111", "p", "u", "U", T0);
    graph.failNext(new GraphFault.Slow(Duration.ofSeconds(4)));

    long started = System.nanoTime();

    assertThat(client.feed("111", "tok", null, null, 25).items()).hasSize(1);

    // The answer came from the retry, before the slow first answer would have (the fake records
    // a request when it has answered it, so the slow one shows up last).
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3500));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (graph.requests().size() < 2 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(graph.requests()).hasSize(2);
  }

  @Test
  void conversationsFlattenIntoMessages() {
    graph.addMessage("111", "t_1", "hello", "u1", "Sam", T0);
    graph.addMessage("111", "t_1", "anyone?", "u1", "Sam", T0.plusSeconds(30));

    GraphPage page = client.conversations("111", "tok", null, 25, null);

    assertThat(page.items()).extracting(GraphItem::message).containsExactly("anyone?", "hello");
    assertThat(page.items()).allSatisfy(m -> assertThat(m.containerId()).isEqualTo("t_1"));
    assertThat(page.items().get(0).updatedTime()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void aLongConversationIsReadBeyondTheNestedMessagesBackToSince() {
    int total = FakeFacebookGraph.NESTED_MESSAGES * 2 + 10;
    for (int i = 0; i < total; i++) {
      graph.addMessage("111", "t_long", "message " + i, "u1", "Sam", T0.plusSeconds(i));
    }

    GraphPage all = client.conversations("111", "tok", null, 25, null);
    assertThat(all.items()).hasSize(total);
    assertThat(all.items()).extracting(GraphItem::id).doesNotHaveDuplicates();
    int requests = graph.requests().size();

    // Only back to "since": the nested page and one more are enough for the newest 30.
    GraphPage recent = client.conversations("111", "tok", null, 25, T0.plusSeconds(total - 30));
    assertThat(recent.items())
        .filteredOn(m -> !m.createdTime().isBefore(T0.plusSeconds(total - 30)))
        .hasSize(30);
    assertThat(graph.requests().size() - requests).isEqualTo(2);
    assertThat(graph.requests().get(graph.requests().size() - 1).path())
        .endsWith("/t_long/messages");
  }
}
