package dev.switchboard.classify.domain;

import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Reason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local classifier, with a trust's remote model adding the labels it scores at or above a
 * threshold. The local verdict is always kept whole (a remote model never removes a safeguarding
 * flag); when the remote model is slow or down the local verdict goes out alone and the fallback is
 * counted. The version recorded says whether the remote model took part.
 */
public final class WithRemoteOpinion implements Classifier {

  private final SwitchboardClassifier local;
  private final RemoteOpinion remote;
  private final double threshold;
  private final TriageRules triage;
  private final Clock clock;
  private final AtomicLong fallbacks = new AtomicLong();

  /** {@code remote}'s labels from {@code threshold} up, added to {@code local}'s. */
  public WithRemoteOpinion(
      SwitchboardClassifier local,
      RemoteOpinion remote,
      double threshold,
      TriageRules triage,
      Clock clock) {
    this.local = local;
    this.remote = remote;
    this.threshold = threshold;
    this.triage = triage;
    this.clock = clock;
  }

  @Override
  public ClassifiedEvent classify(ChannelEvent event) {
    if (event.kind() == EventKind.DELETED || event.text() == null || event.text().isBlank()) {
      return local.classify(event);
    }
    List<Label> labels = new ArrayList<>(local.classify(event.text()).labels());
    String version = local.version();
    try {
      Map<LabelName, Double> scores = remote.scores(event.text());
      Set<LabelName> present = EnumSet.noneOf(LabelName.class);
      labels.forEach(l -> present.add(l.name()));
      for (Map.Entry<LabelName, Double> score : scores.entrySet()) {
        double value = score.getValue() == null ? 0 : score.getValue();
        if (value >= threshold && !present.contains(score.getKey())) {
          labels.add(
              new Label(
                  score.getKey(),
                  value,
                  List.of(
                      new Reason(
                          "remote:" + remote.name(),
                          null,
                          null,
                          String.format(
                              Locale.ROOT,
                              "The trust's model %s scored this %.2f (threshold %.2f).",
                              remote.name(),
                              value,
                              threshold)))));
        }
      }
      version = version + "+remote:" + remote.name();
    } catch (RemoteOpinion.Unavailable e) {
      fallbacks.incrementAndGet();
    }
    List<Label> all = List.copyOf(labels);
    return new ClassifiedEvent(
        event, all, triage.priority(all), triage.route(all), version, clock.instant());
  }

  /** How many posts went out with the local verdict alone because the remote model failed. */
  public long fallbacks() {
    return fallbacks.get();
  }
}
