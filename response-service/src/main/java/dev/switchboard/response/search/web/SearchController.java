package dev.switchboard.response.search.web;

import dev.switchboard.response.search.PostDocument;
import dev.switchboard.response.search.PostIndex;
import dev.switchboard.response.search.SearchPage;
import dev.switchboard.response.search.SearchQuery;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/search}: full-text search over posts, with highlighted fragments. */
@RestController
@RequestMapping("/api/search")
public class SearchController {

  private final PostIndex index;

  /** Creates the controller over the posts index. */
  public SearchController(PostIndex index) {
    this.index = index;
  }

  /**
   * The response body.
   *
   * @param total how many posts match
   * @param hits the best matches, best first
   */
  public record SearchResponse(long total, List<Hit> hits) {}

  /**
   * One matching post.
   *
   * @param itemId the item
   * @param caseId its case
   * @param channel the platform
   * @param author the author's display name
   * @param text the current text
   * @param url link to the item
   * @param createdAt when it was posted
   * @param labels its labels
   * @param deleted whether the platform reported it deleted
   * @param highlights text fragments with the matched words in {@code <em>}, HTML-escaped
   */
  public record Hit(
      String itemId,
      String caseId,
      String channel,
      String author,
      String text,
      String url,
      String createdAt,
      List<String> labels,
      boolean deleted,
      List<String> highlights) {}

  /** Searches; an empty or missing {@code q} is a 400 problem. */
  @GetMapping
  public SearchResponse search(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "size", defaultValue = "20") int size) {
    SearchQuery query;
    try {
      query = new SearchQuery(q, size);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    SearchPage page = index.search(query);
    return new SearchResponse(
        page.total(), page.hits().stream().map(SearchController::toHit).toList());
  }

  private static Hit toHit(SearchPage.SearchHit hit) {
    PostDocument d = hit.document();
    return new Hit(
        d.itemId(),
        d.caseId(),
        d.channel(),
        d.authorName(),
        d.text(),
        d.url(),
        d.createdAt(),
        d.labels(),
        d.deleted(),
        hit.highlights());
  }
}
