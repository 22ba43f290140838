package dev.switchboard.classify.config;

import dev.switchboard.contracts.LabelName;
import dev.switchboard.contracts.Priority;
import dev.switchboard.contracts.Team;
import java.time.Duration;
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
 * @param remote the optional remote model (off by default)
 */
@ConfigurationProperties(ClassifySettings.PREFIX)
public record ClassifySettings(
    String lexiconExtension,
    String staffDirectory,
    List<String> trustContacts,
    Triage triage,
    Remote remote) {

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
   * {@code switchboard.classify.remote.*}: a trust's own model asked beside the local classifier.
   *
   * @param enabled whether it is asked at all
   * @param name its name in reasons and the classifier version
   * @param url where {@code POST {"text"}} is answered with {@code {"scores": {label: 0-1}}}
   * @param token the bearer token it wants, from the environment; empty for none
   * @param timeLimit the longest a post waits for it before the local verdict goes alone
   * @param threshold the score from which its label is added
   * @param failuresToOpen failures in a row that stop calling it for {@code openFor}
   * @param openFor how long it is left alone after that
   */
  public record Remote(
      boolean enabled,
      String name,
      String url,
      String token,
      Duration timeLimit,
      double threshold,
      int failuresToOpen,
      Duration openFor) {

    @Override
    public String toString() {
      return "Remote[" + name + ", " + url + ", enabled=" + enabled + "]";
    }
  }

  /**
   * One routing rule.
   *
   * @param label the label
   * @param team where a post with it goes
   */
  public record Route(LabelName label, Team team) {}
}
