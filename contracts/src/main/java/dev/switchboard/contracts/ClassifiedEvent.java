package dev.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A channel event with the classifier's verdict. Topic {@link Topics#CLASSIFIED_EVENTS}, key the
 * event's conversation key.
 *
 * @param event the whole channel event, unchanged
 * @param labels zero or more labels, each with confidence and reasons
 * @param priority the classifier's priority (a person may override it on the case)
 * @param route the team queue the case should go to
 * @param classifierVersion which classifier produced this, for replay and audit
 * @param classifiedAt when it was classified
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassifiedEvent(
    ChannelEvent event,
    List<Label> labels,
    Priority priority,
    Team route,
    String classifierVersion,
    Instant classifiedAt) {

  /** CloudEvents {@code ce_type} of this record. */
  public static final String CE_TYPE = "dev.switchboard.classified-event.v1";
}
