package dev.switchboard.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeFacebookGraphTest {

  private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
  private final FakeFacebookGraph graph = FakeFacebookGraph.start().addPage("111", "token-111");
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    graph.close();
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(graph.baseUrl() + pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pagesTheFeedNewestFirstWithCursorsAndNext() throws Exception {
    for (int i = 0; i < 3; i++) {
      graph.addPost("111", "post " + i, "u" + i, "User " + i, T0.plusSeconds(i * 60));
    }

    HttpResponse<String> first = get("/v21.0/111/feed?access_token=token-111&limit=2");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("\"message\":\"post 2\"").contains("\"message\":\"post 1\"");
    assertThat(first.body())
        .doesNotContain("post 0")
        .contains("\"created_time\":\"2026-11-25T09:02:00+0000\"");
    assertThat(first.headers().firstValue("X-App-Usage")).isPresent();
    Matcher after = Pattern.compile("\"after\":\"([^\"]+)\"").matcher(first.body());
    assertThat(after.find()).isTrue();
    assertThat(first.body()).contains("\"next\":\"" + graph.baseUrl() + "/v21.0/111/feed?");

    HttpResponse<String> second =
        get("/v21.0/111/feed?access_token=token-111&limit=2&after=" + after.group(1));
    assertThat(second.body())
        .contains("post 0")
        .doesNotContain("post 1")
        .doesNotContain("\"next\"");
  }

  @Test
  void sinceFiltersAndDeletedPostsDisappear() throws Exception {
    String old = graph.addPost("111", "old", "u", "U", T0);
    String fresh = graph.addPost("111", "fresh", "u", "U", T0.plusSeconds(3600));
    graph.deletePost(old);

    String body =
        get("/v21.0/111/posts?access_token=token-111&since=" + T0.getEpochSecond()).body();

    assertThat(body).contains(fresh).doesNotContain("\"old\"");
  }

  @Test
  void commentsAreChronologicalAndRepliesNeedFilterStream() throws Exception {
    String post = graph.addPost("111", "p", "u", "U", T0);
    String top = graph.addComment(post, null, "first", "a", "A", T0.plusSeconds(10));
    graph.addComment(post, top, "reply", "b", "B", T0.plusSeconds(20));

    assertThat(get("/v21.0/" + post + "/comments?access_token=token-111").body())
        .contains("first")
        .doesNotContain("reply");
    assertThat(get("/v21.0/" + post + "/comments?access_token=token-111&filter=stream").body())
        .contains("first")
        .contains("\"parent\":{\"id\":\"" + top + "\"}");
  }

  @Test
  void tokensAreCheckedWithGraphErrors() throws Exception {
    HttpResponse<String> missing = get("/v21.0/111/feed");
    HttpResponse<String> wrong = get("/v21.0/111/feed?access_token=nope");
    HttpResponse<String> unknown = get("/v21.0/999/feed?access_token=token-111");

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("\"code\":104");
    assertThat(wrong.body()).contains("\"code\":190").contains("\"type\":\"OAuthException\"");
    assertThat(unknown.body())
        .contains("\"code\":100")
        .contains("\"error_subcode\":33")
        .contains("fbtrace_id");
  }

  @Test
  void scriptedFaultsAnswerTheNextRequestsThenStop() throws Exception {
    graph
        .failNext(new GraphFault.GraphRateLimit(32, 1))
        .failNext(new GraphFault.TooManyRequests(7));
    graph.failNext(new GraphFault.ServerError(503)).failNext(new GraphFault.MalformedJson());

    HttpResponse<String> pageLimit = get("/v21.0/111/feed?access_token=token-111");
    assertThat(pageLimit.statusCode()).isEqualTo(403);
    assertThat(pageLimit.body()).contains("\"code\":32");
    assertThat(pageLimit.headers().firstValue("X-Business-Use-Case-Usage").orElseThrow())
        .contains("\"estimated_time_to_regain_access\":1");
    HttpResponse<String> tooMany = get("/v21.0/111/feed?access_token=token-111");
    assertThat(tooMany.statusCode()).isEqualTo(429);
    assertThat(tooMany.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(get("/v21.0/111/feed?access_token=token-111").statusCode()).isEqualTo(503);
    assertThat(get("/v21.0/111/feed?access_token=token-111").body()).endsWith("unterminated");
    assertThat(get("/v21.0/111/feed?access_token=token-111").statusCode()).isEqualTo(200);
    assertThat(graph.requests()).hasSize(5);
  }

  @Test
  void messengerConversationsCarryTheirMessages() throws Exception {
    graph.addMessage("111", "t_1", "hello", "u1", "Sam", T0);

    String body =
        get("/v21.0/111/conversations?access_token=token-111&fields=messages%7Bmessage,from,created_time%7D")
            .body();

    assertThat(body)
        .contains("\"id\":\"t_1\"")
        .contains("\"messages\":{\"data\":[")
        .contains("hello");
  }
}
