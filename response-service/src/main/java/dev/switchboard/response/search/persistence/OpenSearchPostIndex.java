package dev.switchboard.response.search.persistence;

import dev.switchboard.response.search.PostDocument;
import dev.switchboard.response.search.PostIndex;
import dev.switchboard.response.search.SearchPage;
import dev.switchboard.response.search.SearchQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.indices.IndexSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code posts} index in OpenSearch: one document per item, English analysis on the text. */
public class OpenSearchPostIndex implements PostIndex {

  private static final Logger log = LoggerFactory.getLogger(OpenSearchPostIndex.class);

  private final OpenSearchClient client;
  private final String index;

  /** Creates the adapter for the named index. */
  public OpenSearchPostIndex(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /** Creates the index with its explicit mapping if it does not exist yet. */
  public void createIfMissing() {
    try {
      if (client.indices().exists(e -> e.index(index)).value()) {
        return;
      }
      client.indices().create(c -> c.index(index).settings(settings()).mappings(mapping()));
      log.info("Created OpenSearch index {}", index);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create OpenSearch index " + index, e);
    } catch (RuntimeException e) {
      // Another instance may have created it between our check and our create.
      if (!isAlreadyExists(e)) {
        throw e;
      }
    }
  }

  @Override
  public void index(PostDocument document) {
    try {
      client.index(i -> i.index(index).id(document.itemId()).document(document));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index post " + document.itemId(), e);
    }
  }

  @Override
  public SearchPage search(SearchQuery query) {
    SearchResponse<PostDocument> response;
    try {
      response =
          client.search(
              s ->
                  s.index(index)
                      .size(query.size())
                      .trackTotalHits(t -> t.enabled(true))
                      .query(
                          q ->
                              q.match(m -> m.field("text").query(v -> v.stringValue(query.text()))))
                      .highlight(
                          h ->
                              // HTML-escape the untrusted text so <em> is the only markup.
                              h.encoder(HighlighterEncoder.Html)
                                  .preTags("<em>")
                                  .postTags("</em>")
                                  .fields("text", f -> f.numberOfFragments(3).fragmentSize(150))),
              PostDocument.class);
    } catch (IOException e) {
      throw new UncheckedIOException("search failed", e);
    }
    List<SearchPage.SearchHit> hits =
        response.hits().hits().stream()
            .filter(h -> h.source() != null)
            .map(h -> new SearchPage.SearchHit(h.source(), highlights(h)))
            .toList();
    long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
    return new SearchPage(total, hits);
  }

  private static List<String> highlights(Hit<PostDocument> hit) {
    List<String> fragments = hit.highlight().get("text");
    return fragments == null ? List.of() : List.copyOf(fragments);
  }

  private static IndexSettings settings() {
    // One shard fits the volume of one trust; the refresh interval bounds how soon a post is found.
    return IndexSettings.of(
        s -> s.numberOfShards(1).numberOfReplicas(0).refreshInterval(t -> t.time("1s")));
  }

  private static TypeMapping mapping() {
    return TypeMapping.of(
        m ->
            m.dynamic(DynamicMapping.Strict)
                .properties("itemId", p -> p.keyword(k -> k))
                .properties("eventId", p -> p.keyword(k -> k))
                .properties("caseId", p -> p.keyword(k -> k))
                .properties("conversationKey", p -> p.keyword(k -> k))
                .properties("channel", p -> p.keyword(k -> k))
                .properties("account", p -> p.keyword(k -> k))
                .properties(
                    "authorName",
                    p -> p.text(t -> t.fields("raw", f -> f.keyword(k -> k.ignoreAbove(256)))))
                .properties("text", p -> p.text(t -> t.analyzer("english")))
                .properties("url", p -> p.keyword(k -> k.index(false)))
                .properties("createdAt", p -> p.date(d -> d))
                .properties("labels", p -> p.keyword(k -> k))
                .properties("priority", p -> p.keyword(k -> k))
                .properties("route", p -> p.keyword(k -> k))
                .properties("kind", p -> p.keyword(k -> k))
                .properties("revision", p -> p.integer(i -> i))
                .properties("deleted", p -> p.boolean_(b -> b)));
  }

  private static boolean isAlreadyExists(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("resource_already_exists_exception");
  }
}
