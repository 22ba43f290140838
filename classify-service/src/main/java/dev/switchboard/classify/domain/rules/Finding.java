package dev.switchboard.classify.domain.rules;

import dev.switchboard.contracts.LabelName;

/**
 * What one detector found: the label it supports, where, how sure, and what a person is told.
 *
 * @param label the label supported
 * @param source the rule, lexicon or model, e.g. {@code rule:nhs-number}
 * @param start original start offset (inclusive)
 * @param end original end offset (exclusive)
 * @param confidence 0..1
 * @param decisive true when the rule is precise enough to give the label on its own
 * @param explanation one sentence a comms officer understands
 */
public record Finding(
    LabelName label,
    String source,
    int start,
    int end,
    double confidence,
    boolean decisive,
    String explanation) {}
