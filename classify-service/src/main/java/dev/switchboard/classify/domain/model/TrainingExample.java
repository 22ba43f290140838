package dev.switchboard.classify.domain.model;

import dev.switchboard.contracts.LabelName;
import java.util.Set;

/**
 * One labelled post of the training corpus.
 *
 * @param id the post's id in the corpus (training is ordered by it, so runs are reproducible)
 * @param channel the channel it came from
 * @param text the post's text
 * @param labels its gold labels
 */
public record TrainingExample(String id, String channel, String text, Set<LabelName> labels) {}
