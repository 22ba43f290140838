package dev.switchboard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who caused something: a person (by user id) or a policy (by policy id).
 *
 * @param type PERSON, POLICY or SYSTEM
 * @param id user id or policy id
 * @param name display name, for the audit trail
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(ActorType type, String id, String name) {

  /** Kinds of actor. */
  public enum ActorType {
    PERSON,
    POLICY,
    SYSTEM
  }
}
