package dev.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One label the classifier gave a post, with why.
 *
 * @param name the label
 * @param confidence 0..1
 * @param reasons the evidence for it; empty only when the model gives none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Label(LabelName name, double confidence, List<Reason> reasons) {}
