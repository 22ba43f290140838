package dev.switchboard.response.search;

/** The search side of posts: written per item, read by the search API. */
public interface PostIndex {

  /** Creates or replaces the item's document (idempotent: the document id is the item id). */
  void index(PostDocument document);

  /** Full-text search over the posts' text, best match first. */
  SearchPage search(SearchQuery query);
}
