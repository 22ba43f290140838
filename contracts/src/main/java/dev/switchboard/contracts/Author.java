package dev.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The author of a platform item as the platform names them.
 *
 * @param platformId the author's id on the platform (unique within the channel), may be null
 * @param name display name
 * @param handle handle or username where the platform has one
 * @param profileUrl link to the author's profile
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Author(String platformId, String name, String handle, String profileUrl) {}
