package dev.switchboard.response.cases;

import dev.switchboard.response.search.PostDocument;
import dev.switchboard.response.search.PostIndex;
import dev.switchboard.response.search.SearchPage;
import dev.switchboard.response.search.SearchQuery;
import java.util.ArrayList;
import java.util.List;

/** A post index that records what it was given, and can be made to fail like a down cluster. */
public final class RecordingPostIndex implements PostIndex {

  public final List<PostDocument> indexed = new ArrayList<>();
  public int failuresLeft;

  @Override
  public void index(PostDocument document) {
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new IllegalStateException("search cluster unavailable");
    }
    indexed.add(document);
  }

  @Override
  public SearchPage search(SearchQuery query) {
    throw new UnsupportedOperationException("not used by the intake");
  }
}
