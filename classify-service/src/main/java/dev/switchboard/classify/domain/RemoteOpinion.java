package dev.switchboard.classify.domain;

import dev.switchboard.contracts.LabelName;
import java.util.Map;

/**
 * A trust's own model (a language-model or toxicity endpoint) asked for its scores on a post. An
 * implementation answers within its time limit or throws {@link Unavailable}; the classifier then
 * decides on its own.
 */
public interface RemoteOpinion {

  /** The model's name, recorded in reasons ({@code remote:<name>}). */
  String name();

  /** The model's score (0–1) for each label it scores. */
  Map<LabelName, Double> scores(String text) throws Unavailable;

  /** The model did not answer usefully in time: slow, down, refused or not understood. */
  final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, without the post's text. */
    public Unavailable(String reason) {
      super(reason);
    }
  }
}
