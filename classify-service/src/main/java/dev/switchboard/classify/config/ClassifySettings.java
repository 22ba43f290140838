package dev.switchboard.classify.config;

import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.classify.*}: what a trust configures about the classifier.
 *
 * @param lexiconExtension a file of extra lexicon entries (shipped format, see README); empty for
 *     none
 * @param staffDirectory a file of {@code Name, role} lines; allegations naming them are libel risk
 * @param trustContacts the trust's own phone numbers, e-mails or {@code @domains} and postcodes,
 *     which are never personal data
 * @param triage priority per label and the route order
 */
@ConfigurationProperties(ClassifySettings.PREFIX)
public record ClassifySettings(
    String lexiconExtension, String staffDirectory, List<String> trustContacts, Triage triage) {

  /** The prefix in application.yml. */
  public static final String PREFIX = "switchboard.classify";

  /**
   * {@code switchboard.classify.triage.*}.
   *
   * @param priorities the priority each label calls for (the most urgent wins)
   * @param routes labels in the order they decide the route, each with its team
   * @param defaultPriority when no label calls for one
   * @param defaultRoute when no routed label is present
   */
  public record Triage(
      Map<LabelName, Priority> priorities,
      List<Route> routes,
      Priority defaultPriority,
      Team defaultRoute) {}

  /**
   * One routing rule.
   *
   * @param label the label
   * @param team where a post with it goes
   */
  public record Route(LabelName label, Team team) {}
}
