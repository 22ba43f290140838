package dev.switchboard.classify.domain;

import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import java.util.List;

/**
 * The default triage ({@link TriageRules#defaults()}): priority and route from labels, independent
 * of how the labels were found.
 */
public final class Triage {

  private Triage() {}

  /** The most urgent priority any label calls for; P4 when nothing needs a person soon. */
  public static Priority priority(List<Label> labels) {
    return TriageRules.defaults().priority(labels);
  }

  /** The team queue: risk first (safeguarding, clinical, legal), then complaints to PALS. */
  public static Team route(List<Label> labels) {
    return TriageRules.defaults().route(labels);
  }
}
