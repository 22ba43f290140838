package dev.switchboard.classify.domain;

import dev.switchboard.contracts.Label;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import java.util.List;

/**
 * The classifier's answer for one text.
 *
 * @param labels the labels given, in {@code LabelName} order, each with confidence and reasons
 * @param priority from the triage rules
 * @param route from the triage rules
 */
public record Verdict(List<Label> labels, Priority priority, Team route) {}
