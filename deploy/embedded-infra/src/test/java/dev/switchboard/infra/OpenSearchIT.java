package dev.switchboard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithInfrastructure
class OpenSearchIT {

  private static final Pattern TOTAL =
      Pattern.compile("\"total\"\\s*:\\s*\\{\\s*\"value\"\\s*:\\s*(\\d+)");
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void sharedWithTheOtherClasses(Infrastructure infrastructure) {
    OneStartPerJvm.check(infrastructure, OpenSearchIT.class);
  }

  @Test
  void theEnglishAnalyzerFindsAPostByAnotherFormOfItsWords(Infrastructure infrastructure)
      throws Exception {
    String index =
        infrastructure.openSearchUrl()
            + "/it-posts-"
            + UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
    assertThat(
            send(
                "PUT",
                index,
                """
                {"mappings": {"properties": {
                  "text":  {"type": "text", "analyzer": "english"},
                  "plain": {"type": "text", "analyzer": "standard"}}}}
                """))
        .startsWith("200");
    String post = "Patients are waiting hours in the emergency department";
    assertThat(
            send(
                "PUT",
                index + "/_doc/item-1?refresh=true",
                "{\"text\": \"" + post + "\", \"plain\": \"" + post + "\"}"))
        .startsWith("201");

    // "waits" and "waiting" only meet through the English stemmer; the standard field is the
    // control
    assertThat(hits(index, "text", "waits")).isEqualTo(1);
    assertThat(hits(index, "plain", "waits")).isZero();
  }

  private int hits(String index, String field, String query) throws Exception {
    String response =
        send(
            "POST",
            index + "/_search",
            "{\"query\": {\"match\": {\"" + field + "\": \"" + query + "\"}}}");
    assertThat(response).startsWith("200");
    Matcher total = TOTAL.matcher(response);
    assertThat(total.find()).as("hits.total in %s", response).isTrue();
    return Integer.parseInt(total.group(1));
  }

  /** The status code, a space, and the body. */
  private String send(String method, String url, String json)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }
}
