package dev.switchboard.classify.domain.rules;

/**
 * One entry of the trust's staff directory: an allegation naming them is a libel risk.
 *
 * @param name as people write it, e.g. {@code Amir Patel}
 * @param role e.g. {@code consultant cardiologist}; may be empty
 */
public record StaffMember(String name, String role) {}
