package dev.switchboard.ingest.connectors.config;

import dev.switchboard.channels.careopinion.CareOpinionClient;
import dev.switchboard.channels.careopinion.CareOpinionKey;
import dev.switchboard.channels.careopinion.CareOpinionRateLimiter;
import dev.switchboard.channels.careopinion.CareOpinionRules;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.http.Sleeper;
import dev.switchboard.ingest.config.KafkaSettings;
import dev.switchboard.ingest.connectors.ConnectorGroup;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.careopinion.CareOpinionConnector;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configured Care Opinion services and what their connectors share: one {@link PlatformHttp}
 * (one circuit), one {@link CareOpinionRateLimiter} (Care Opinion's 5 requests per second, kept
 * below across every service) and one {@link CareOpinionClient}. {@link #create(String)} builds a
 * fresh connector, reading its cursor from Kafka, as a restarted instance would.
 */
@Singleton
public class CareOpinionConnectors implements ConnectorGroup {

  private final CareOpinionSettings settings;
  private final Map<String, CareOpinionServiceSettings> services;
  private final CareOpinionSecrets secrets;
  private final EventSink sink;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Clock clock;
  private final PlatformHttp http;
  private final CareOpinionClient client;
  private final Duration ackTimeout;

  /** The services of the configuration. */
  public CareOpinionConnectors(
      CareOpinionSettings settings,
      List<CareOpinionServiceSettings> services,
      CareOpinionSecrets secrets,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      KafkaSettings kafka,
      Clock clock) {
    this.settings = settings;
    this.ackTimeout = kafka.ackTimeout();
    this.services =
        services.stream()
            .collect(Collectors.toMap(CareOpinionServiceSettings::name, Function.identity()));
    this.secrets = secrets;
    this.sink = sink;
    this.cursors = cursors;
    this.listener = listener;
    this.clock = clock;
    this.http =
        settings.http(
            settings.apiUrl(), CareOpinionSettings.PREFIX + ".api-url", new CareOpinionRules());
    this.client =
        new CareOpinionClient(
            http,
            new CareOpinionRateLimiter(settings.requestsPerSecond(), clock, Sleeper.threadSleep()));
  }

  @Override
  public String platform() {
    return "care-opinion";
  }

  @Override
  public boolean pollingEnabled() {
    return settings.pollingEnabled();
  }

  @Override
  public Duration pollInterval() {
    return settings.pollInterval();
  }

  /** The names of the configured services that have a key. */
  @Override
  public List<String> names() {
    return services.keySet().stream().filter(n -> secrets.key(n).isPresent()).sorted().toList();
  }

  @Override
  public Map<String, String> missingCredentials() {
    return services.keySet().stream()
        .filter(n -> secrets.key(n).isEmpty())
        .collect(
            Collectors.toMap(
                n -> n,
                n -> CareOpinionSecrets.keyVariable(n) + " or " + CareOpinionSecrets.SHARED_KEY));
  }

  /** A new connector for the service {@code name}, its cursor read from the cursor topic now. */
  @Override
  public CareOpinionConnector create(String name) {
    CareOpinionServiceSettings service = services.get(name);
    if (service == null) {
      throw new IllegalArgumentException("no Care Opinion service configured as " + name);
    }
    String key =
        secrets
            .key(name)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        CareOpinionSecrets.keyVariable(name) + " is not set"));
    List<String> codes =
        service.odsCode().stream()
            .map(String::strip)
            .filter(c -> !c.isEmpty())
            .map(c -> c.toUpperCase(Locale.ROOT))
            .distinct()
            .toList();
    if (codes.isEmpty()) {
      throw new IllegalArgumentException("Care Opinion service " + name + " has no ODS code");
    }
    return new CareOpinionConnector(
        name,
        codes,
        new CareOpinionKey(key),
        client,
        sink,
        cursors,
        listener,
        new CareOpinionConnector.Settings(
            settings.pageSize(),
            settings.pollInterval(),
            settings.recheckWindow(),
            ackTimeout,
            settings.siteUrl()),
        clock);
  }

  /** The Care Opinion circuit's state; every service shares it. */
  @Override
  public String circuitState(String name) {
    return http.circuitState();
  }

  /** Polling settings. */
  public CareOpinionSettings settings() {
    return settings;
  }

  @PreDestroy
  void close() throws Exception {
    http.close();
  }
}
