package dev.switchboard.response.cases.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.switchboard.contracts.CaseEvent.CaseStatus;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.response.cases.Case;
import dev.switchboard.response.cases.CaseStore;
import dev.switchboard.response.cases.Post;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/cases} and {@code GET /api/cases/{caseId}}: the inbox and one case's thread. */
@RestController
@RequestMapping("/api/cases")
public class CasesController {

  private static final int MAX_SIZE = 200;

  private final CaseStore store;

  /** Creates the controller over the case store. */
  public CasesController(CaseStore store) {
    this.store = store;
  }

  /**
   * A case in the list.
   *
   * @param caseId the case
   * @param conversationKey the conversation it follows
   * @param status where the team is with it
   * @param channel the platform
   * @param account the trust's account there
   * @param postCount how many items the conversation has
   * @param labels the union of its posts' labels
   * @param priority the highest priority of its posts
   * @param team the queue it is routed to
   * @param firstPostAt the first post's time
   * @param lastPostAt the latest post's time
   */
  public record CaseSummary(
      String caseId,
      String conversationKey,
      String status,
      String channel,
      String account,
      int postCount,
      List<String> labels,
      String priority,
      String team,
      Instant firstPostAt,
      Instant lastPostAt) {}

  /**
   * The list response.
   *
   * @param cases newest activity first
   */
  public record CaseList(List<CaseSummary> cases) {}

  /**
   * One post of a case.
   *
   * @param itemId the item
   * @param kind the latest event's kind
   * @param revision the revision of the text
   * @param author the author's display name
   * @param text the current text (kept after deletion)
   * @param url link to the item
   * @param createdAt when it was posted
   * @param labels its labels
   * @param priority its priority
   * @param route its team
   * @param deleted whether the platform reported it deleted
   */
  public record PostView(
      String itemId,
      String kind,
      int revision,
      String author,
      String text,
      String url,
      Instant createdAt,
      List<String> labels,
      String priority,
      String route,
      boolean deleted) {}

  /**
   * A case with its thread.
   *
   * @param summary the case
   * @param posts its posts in the order they were posted
   */
  public record CaseDetail(@JsonUnwrapped CaseSummary summary, List<PostView> posts) {}

  /** The inbox: cases by latest activity, optionally in one status. */
  @GetMapping
  public CaseList list(
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "size", defaultValue = "50") int size) {
    if (size < 1 || size > MAX_SIZE) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "size must be between 1 and " + MAX_SIZE);
    }
    Optional<CaseStatus> wanted = parseStatus(status);
    return new CaseList(
        store.listCases(wanted, size).stream().map(CasesController::summary).toList());
  }

  /** One case with its posts; 404 if there is no such case. */
  @GetMapping("/{caseId}")
  public CaseDetail get(@PathVariable("caseId") String caseId) {
    Case c =
        store
            .findCase(caseId)
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + caseId));
    return new CaseDetail(
        summary(c), store.postsOf(caseId).stream().map(CasesController::post).toList());
  }

  private static Optional<CaseStatus> parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(CaseStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "status must be one of " + Arrays.toString(CaseStatus.values()));
    }
  }

  private static CaseSummary summary(Case c) {
    return new CaseSummary(
        c.caseId(),
        c.conversationKey(),
        c.status().name(),
        c.channel().name(),
        c.account(),
        c.postCount(),
        names(c.labels()),
        c.priority().name(),
        c.team().name(),
        c.firstPostAt(),
        c.lastPostAt());
  }

  private static PostView post(Post p) {
    return new PostView(
        p.itemId(),
        p.kind().name(),
        p.revision(),
        p.authorName(),
        p.text(),
        p.url(),
        p.postedAt(),
        names(p.labels()),
        p.priority().name(),
        p.route().name(),
        p.deleted());
  }

  private static List<String> names(Set<LabelName> labels) {
    return labels.stream().sorted().map(Enum::name).toList();
  }
}
