package dev.switchboard.ingest.connectors.config;

import dev.switchboard.channels.http.GraphRules;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.RateLimitHeadroom;
import dev.switchboard.channels.instagram.InstagramClient;
import dev.switchboard.ingest.config.KafkaSettings;
import dev.switchboard.ingest.connectors.ConnectorGroup;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.instagram.InstagramAccountConnector;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configured Instagram accounts and what their connectors share: one {@link PlatformHttp} with
 * Graph's rules under the name {@code instagram} (its own circuit, apart from the Facebook Pages')
 * and one {@link InstagramClient}. {@link #create(String)} builds a fresh connector, reading its
 * cursor from Kafka, as a restarted instance would.
 */
@Singleton
public class InstagramConnectors implements ConnectorGroup {

  private final InstagramSettings settings;
  private final Map<String, InstagramAccountSettings> accounts;
  private final InstagramSecrets secrets;
  private final EventSink sink;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Clock clock;
  private final PlatformHttp http;
  private final InstagramClient client;
  private final Duration ackTimeout;

  /** The accounts of the configuration. */
  public InstagramConnectors(
      InstagramSettings settings,
      List<InstagramAccountSettings> accounts,
      InstagramSecrets secrets,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      KafkaSettings kafka,
      Clock clock) {
    this.settings = settings;
    this.ackTimeout = kafka.ackTimeout();
    this.accounts =
        accounts.stream()
            .collect(Collectors.toMap(InstagramAccountSettings::name, Function.identity()));
    this.secrets = secrets;
    this.sink = sink;
    this.cursors = cursors;
    this.listener = listener;
    this.clock = clock;
    this.http =
        settings.http(
            settings.graphUrl(),
            "switchboard.connectors.instagram.graph-url",
            new GraphRules("instagram"));
    this.client = new InstagramClient(http, settings.graphVersion());
  }

  @Override
  public String platform() {
    return "instagram";
  }

  @Override
  public boolean pollingEnabled() {
    return settings.pollingEnabled();
  }

  @Override
  public Duration pollInterval() {
    return settings.pollInterval();
  }

  /** The names of the configured accounts that have a token. */
  @Override
  public List<String> names() {
    return accounts.keySet().stream().filter(n -> secrets.token(n).isPresent()).sorted().toList();
  }

  @Override
  public Map<String, String> missingCredentials() {
    return accounts.keySet().stream()
        .filter(n -> secrets.token(n).isEmpty())
        .collect(Collectors.toMap(n -> n, InstagramSecrets::tokenVariable));
  }

  /**
   * The IG user id of the configured account a webhook entry names: entry ids are the IG account,
   * or for some setups the linked Page; empty when it is no account of ours.
   */
  public Optional<String> igUserIdFor(String entryId) {
    return accounts.values().stream()
        .filter(a -> a.igUserId().equals(entryId) || entryId.equals(a.pageId()))
        .map(InstagramAccountSettings::igUserId)
        .findFirst();
  }

  /** A new connector for the account {@code name}, its cursor read from the cursor topic now. */
  @Override
  public InstagramAccountConnector create(String name) {
    InstagramAccountSettings account = accounts.get(name);
    if (account == null) {
      throw new IllegalArgumentException("no Instagram account configured as " + name);
    }
    String token =
        secrets
            .token(name)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        InstagramSecrets.tokenVariable(name) + " is not set"));
    String pageId =
        account.pageId() == null || account.pageId().isBlank() ? null : account.pageId();
    return new InstagramAccountConnector(
        name,
        account.igUserId(),
        pageId,
        token,
        client,
        sink,
        cursors,
        listener,
        new InstagramAccountConnector.Settings(
            settings.pageSize(), settings.maxMedia(), settings.pollInterval(), ackTimeout),
        clock);
  }

  @Override
  public OptionalDouble rateLimitHeadroomPercent() {
    Optional<RateLimitHeadroom> headroom = http.headroom();
    return headroom.isPresent()
        ? OptionalDouble.of(headroom.get().remainingPercent())
        : OptionalDouble.empty();
  }

  /** The Instagram circuit's state; every account shares it. */
  @Override
  public String circuitState(String name) {
    return http.circuitState();
  }

  /** Polling settings. */
  public InstagramSettings settings() {
    return settings;
  }

  @PreDestroy
  void close() throws Exception {
    http.close();
  }
}
