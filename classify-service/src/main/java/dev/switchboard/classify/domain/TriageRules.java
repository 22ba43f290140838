package dev.switchboard.classify.domain;

import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Configurable triage: each label's priority (the most urgent wins) and an ordered list of labels
 * to route by (the first present wins), with a fallback priority and team.
 *
 * @param priorities the priority each label calls for; labels absent call for none
 * @param routeOrder labels in the order they decide the route, each with its team
 * @param defaultPriority when no label calls for a priority
 * @param defaultRoute when no label in {@code routeOrder} is present
 */
public record TriageRules(
    Map<LabelName, Priority> priorities,
    List<Map.Entry<LabelName, Team>> routeOrder,
    Priority defaultPriority,
    Team defaultRoute) {

  /** Defensive copies. */
  public TriageRules {
    priorities = Map.copyOf(priorities);
    routeOrder = List.copyOf(routeOrder);
  }

  /** Today's defaults (as {@link Triage} has always decided). */
  public static TriageRules defaults() {
    Map<LabelName, Priority> p = new EnumMap<>(LabelName.class);
    p.put(LabelName.SAFEGUARDING, Priority.P1);
    p.put(LabelName.CLINICAL_URGENT, Priority.P1);
    p.put(LabelName.COMPLAINT, Priority.P2);
    p.put(LabelName.LIBEL_RISK, Priority.P2);
    p.put(LabelName.ABUSE, Priority.P2);
    p.put(LabelName.PERSONAL_DATA, Priority.P2);
    p.put(LabelName.QUESTION, Priority.P3);
    p.put(LabelName.MISINFORMATION, Priority.P3);
    return new TriageRules(
        p,
        List.of(
            Map.entry(LabelName.SAFEGUARDING, Team.SAFEGUARDING),
            Map.entry(LabelName.CLINICAL_URGENT, Team.CLINICAL_ADVICE),
            Map.entry(LabelName.LIBEL_RISK, Team.LEGAL),
            Map.entry(LabelName.COMPLAINT, Team.PALS)),
        Priority.P4,
        Team.COMMS);
  }

  /** The most urgent priority any label calls for. */
  public Priority priority(List<Label> labels) {
    Priority best = defaultPriority;
    for (Label label : labels) {
      Priority p = priorities.get(label.name());
      if (p != null && p.ordinal() < best.ordinal()) {
        best = p;
      }
    }
    return best;
  }

  /** The team of the first label in the route order that is present. */
  public Team route(List<Label> labels) {
    for (Map.Entry<LabelName, Team> rule : routeOrder) {
      for (Label label : labels) {
        if (label.name() == rule.getKey()) {
          return rule.getValue();
        }
      }
    }
    return defaultRoute;
  }
}
