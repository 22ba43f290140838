package dev.switchboard.response.cases;

import dev.switchboard.contracts.CaseEvent;
import dev.switchboard.contracts.CaseEvent.CaseStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A case store in memory, for plain tests of the intake. */
public final class InMemoryCaseStore implements CaseStore {

  public final Set<String> processed = new HashSet<>();
  public final Map<String, Case> cases = new LinkedHashMap<>();
  public final Map<String, Post> posts = new LinkedHashMap<>();
  public final List<String> revisions = new ArrayList<>();
  public final List<CaseEvent> outbox = new ArrayList<>();

  @Override
  public boolean markProcessed(String eventId, Instant at) {
    return processed.add(eventId);
  }

  @Override
  public Optional<Case> lockCase(String caseId) {
    return findCase(caseId);
  }

  @Override
  public Optional<Case> findCase(String caseId) {
    return Optional.ofNullable(cases.get(caseId));
  }

  @Override
  public Optional<Post> findPost(String itemId) {
    return Optional.ofNullable(posts.get(itemId));
  }

  @Override
  public void saveCase(Case c, Instant at) {
    cases.put(c.caseId(), c);
  }

  @Override
  public void savePost(Post p, Instant at) {
    posts.put(p.itemId(), p);
  }

  @Override
  public void keepRevision(IncomingPost in, Instant at) {
    revisions.add(in.text());
  }

  @Override
  public void appendToOutbox(CaseEvent event, Instant at) {
    outbox.add(event);
  }

  @Override
  public List<Case> listCases(Optional<CaseStatus> status, int size) {
    return cases.values().stream()
        .filter(c -> status.map(s -> s == c.status()).orElse(true))
        .sorted(Comparator.comparing(Case::lastPostAt).reversed())
        .limit(size)
        .toList();
  }

  @Override
  public List<Post> postsOf(String caseId) {
    return posts.values().stream()
        .filter(p -> p.caseId().equals(caseId))
        .sorted(Comparator.comparing(Post::postedAt))
        .toList();
  }
}
