package dev.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a label was given: the rule or model feature and the span of the text it matched.
 *
 * @param source rule or model identifier, e.g. {@code rule:nhs-number}
 * @param start start offset in the event text (UTF-16 chars, inclusive), null if not a span
 * @param end end offset (exclusive), null if not a span
 * @param explanation one sentence a comms officer understands
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(String source, Integer start, Integer end, String explanation) {}
