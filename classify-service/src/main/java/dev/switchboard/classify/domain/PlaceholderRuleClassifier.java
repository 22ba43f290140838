package dev.switchboard.classify.domain;

import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.ClassifiedEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Reason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in keyword classifier until the real one (its own issue): each rule that matches gives
 * its label, with one reason per matched span so a comms officer sees exactly which words triggered
 * it.
 */
public final class PlaceholderRuleClassifier implements Classifier {

  /** Recorded on every classified event, so a replay can tell these labels apart. */
  public static final String VERSION = "placeholder-rules-0.1";

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** One keyword rule: a label, the confidence a match gives, and what a person is told. */
  private record Rule(String id, LabelName label, double confidence, Pattern pattern, String why) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "rule:self-harm-phrase",
              LabelName.SAFEGUARDING,
              0.9,
              Pattern.compile("\\b(?:kill myself|end it all|want to die)\\b", FLAGS),
              "Words that can signal a risk to life: a safeguarding lead must look now."),
          new Rule(
              "rule:complaint-word",
              LabelName.COMPLAINT,
              0.6,
              Pattern.compile("\\b(?:complain\\w*|disgusting|waited)\\b", FLAGS),
              "Wording typical of a complaint about care or service."),
          new Rule(
              "rule:question-phrase",
              LabelName.QUESTION,
              0.6,
              Pattern.compile("\\bhow do i\\b", FLAGS),
              "Asks how to do something."),
          new Rule(
              "rule:question-mark",
              LabelName.QUESTION,
              0.5,
              Pattern.compile("\\?"),
              "Contains a question mark."),
          new Rule(
              "rule:thanks",
              LabelName.PRAISE,
              0.7,
              Pattern.compile("\\bthank\\w*", FLAGS),
              "Thanks someone."));

  private final Clock clock;

  /** The clock stamps {@code classifiedAt}. */
  public PlaceholderRuleClassifier(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ClassifiedEvent classify(ChannelEvent event) {
    List<Label> labels = labelsFor(event);
    return new ClassifiedEvent(
        event, labels, Triage.priority(labels), Triage.route(labels), VERSION, clock.instant());
  }

  private static List<Label> labelsFor(ChannelEvent event) {
    // A deletion is passed on so downstream can act on it, but there is no text left to judge.
    if (event.kind() == EventKind.DELETED || event.text() == null || event.text().isBlank()) {
      return List.of();
    }
    String text = event.text();
    Map<LabelName, List<Reason>> reasons = new EnumMap<>(LabelName.class);
    Map<LabelName, Double> confidence = new EnumMap<>(LabelName.class);
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(text);
      while (matcher.find()) {
        reasons
            .computeIfAbsent(rule.label(), name -> new ArrayList<>())
            .add(new Reason(rule.id(), matcher.start(), matcher.end(), rule.why()));
        confidence.merge(rule.label(), rule.confidence(), Math::max);
      }
    }
    List<Label> labels = new ArrayList<>(reasons.size());
    reasons.forEach(
        (name, why) -> labels.add(new Label(name, confidence.get(name), List.copyOf(why))));
    return List.copyOf(labels);
  }
}
