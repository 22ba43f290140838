package dev.switchboard.ingest.connectors.config;

import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.XRules;
import dev.switchboard.channels.x.XClient;
import dev.switchboard.channels.x.XIds;
import dev.switchboard.channels.x.XToken;
import dev.switchboard.ingest.config.KafkaSettings;
import dev.switchboard.ingest.connectors.ConnectorGroup;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.x.XAccountConnector;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configured X accounts and what their connectors share: one {@link PlatformHttp} (one circuit)
 * and one {@link XClient} (which remembers each account's spent rate-limit windows). {@link
 * #create(String)} builds a fresh connector, reading its cursor from Kafka, as a restarted instance
 * would.
 */
@Singleton
public class XConnectors implements ConnectorGroup {

  private final XSettings settings;
  private final Map<String, XAccountSettings> accounts;
  private final XSecrets secrets;
  private final EventSink sink;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Clock clock;
  private final PlatformHttp http;
  private final XClient client;
  private final Duration ackTimeout;

  /** The accounts of the configuration. */
  public XConnectors(
      XSettings settings,
      List<XAccountSettings> accounts,
      XSecrets secrets,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      KafkaSettings kafka,
      Clock clock) {
    this.settings = settings;
    this.ackTimeout = kafka.ackTimeout();
    this.accounts =
        accounts.stream().collect(Collectors.toMap(XAccountSettings::name, Function.identity()));
    for (XAccountSettings account : accounts) {
      if (!XIds.valid(account.userId())) {
        throw new IllegalArgumentException(
            "X account " + account.name() + ": user-id must be the numeric user id");
      }
    }
    this.secrets = secrets;
    this.sink = sink;
    this.cursors = cursors;
    this.listener = listener;
    this.clock = clock;
    this.http = settings.http(settings.apiUrl(), "switchboard.connectors.x.api-url", new XRules());
    this.client = new XClient(http, clock);
  }

  @Override
  public String platform() {
    return "x";
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
        .collect(Collectors.toMap(n -> n, XSecrets::tokenVariable));
  }

  /** A new connector for the account {@code name}, its cursor read from the cursor topic now. */
  @Override
  public XAccountConnector create(String name) {
    XAccountSettings account = accounts.get(name);
    if (account == null) {
      throw new IllegalArgumentException("no X account configured as " + name);
    }
    String token =
        secrets
            .token(name)
            .orElseThrow(
                () -> new IllegalStateException(XSecrets.tokenVariable(name) + " is not set"));
    return new XAccountConnector(
        name,
        account.userId(),
        new XToken(token),
        client,
        sink,
        cursors,
        listener,
        new XAccountConnector.Settings(
            settings.pageSize(),
            settings.dmPageSize(),
            account.readsDirectMessages(),
            settings.dmRecheck(),
            settings.pollInterval(),
            ackTimeout),
        clock);
  }

  /** The X circuit's state; every account shares it. */
  @Override
  public String circuitState(String name) {
    return http.circuitState();
  }

  @Override
  public OptionalDouble rateLimitHeadroomPercent() {
    return http.headroom()
        .map(h -> OptionalDouble.of(h.remainingPercent()))
        .orElse(OptionalDouble.empty());
  }

  /** Polling settings. */
  public XSettings settings() {
    return settings;
  }

  @PreDestroy
  void close() throws Exception {
    http.close();
  }
}
