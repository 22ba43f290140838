package dev.switchboard.classify.domain;

import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Derives priority and route from labels, independent of how the labels were found, so the real
 * classifier of a later issue keeps the same triage.
 */
public final class Triage {

  private Triage() {}

  /** The most urgent priority any label calls for; P4 when nothing needs a person soon. */
  public static Priority priority(List<Label> labels) {
    Set<LabelName> names = names(labels);
    if (names.contains(LabelName.SAFEGUARDING) || names.contains(LabelName.CLINICAL_URGENT)) {
      return Priority.P1;
    }
    if (names.contains(LabelName.COMPLAINT)
        || names.contains(LabelName.LIBEL_RISK)
        || names.contains(LabelName.ABUSE)
        || names.contains(LabelName.PERSONAL_DATA)) {
      return Priority.P2;
    }
    if (names.contains(LabelName.QUESTION) || names.contains(LabelName.MISINFORMATION)) {
      return Priority.P3;
    }
    return Priority.P4;
  }

  /** The team queue: risk first (safeguarding, clinical, legal), then complaints to PALS. */
  public static Team route(List<Label> labels) {
    Set<LabelName> names = names(labels);
    if (names.contains(LabelName.SAFEGUARDING)) {
      return Team.SAFEGUARDING;
    }
    if (names.contains(LabelName.CLINICAL_URGENT)) {
      return Team.CLINICAL_ADVICE;
    }
    if (names.contains(LabelName.LIBEL_RISK)) {
      return Team.LEGAL;
    }
    if (names.contains(LabelName.COMPLAINT)) {
      return Team.PALS;
    }
    return Team.COMMS;
  }

  private static Set<LabelName> names(List<Label> labels) {
    Set<LabelName> names = EnumSet.noneOf(LabelName.class);
    for (Label label : labels) {
      names.add(label.name());
    }
    return names;
  }
}
