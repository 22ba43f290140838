package dev.switchboard.moderation.web;

import dev.switchboard.moderation.domain.Observation;
import dev.switchboard.moderation.domain.ObservedItem;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only view of what was recorded, for checks and the end-to-end test. */
@RestController
public class ObservedItemsController {

  private final Observation observation;

  /** Reads through the domain service. */
  public ObservedItemsController(Observation observation) {
    this.observation = observation;
  }

  /** {@code GET /api/observed-items?conversationKey=…}: the conversation's items, oldest first. */
  @GetMapping("/api/observed-items")
  public List<ObservedItem> observedItems(@RequestParam String conversationKey) {
    return observation.conversation(conversationKey);
  }
}
