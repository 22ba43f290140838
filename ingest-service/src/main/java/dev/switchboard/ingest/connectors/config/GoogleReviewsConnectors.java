package dev.switchboard.ingest.connectors.config;

import dev.switchboard.channels.google.BusinessProfileClient;
import dev.switchboard.channels.http.GoogleApiRules;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.oauth.AccessToken;
import dev.switchboard.ingest.config.KafkaSettings;
import dev.switchboard.ingest.connectors.ConnectorGroup;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.googlereviews.GoogleReviewsConnector;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configured Business Profile locations and what their connectors share: one {@link
 * PlatformHttp} (one circuit; the project's per-minute quota is shared too) and one {@link
 * BusinessProfileClient}. {@link #create(String)} builds a fresh connector, reading its cursor from
 * Kafka, as a restarted instance would.
 */
@Singleton
public class GoogleReviewsConnectors implements ConnectorGroup {

  /** The platform's name in connector ids, metric tags and errors. */
  public static final String PLATFORM = "google-reviews";

  private final GoogleReviewsSettings settings;
  private final Map<String, GoogleReviewsLocationSettings> locations;
  private final GoogleReviewsSecrets secrets;
  private final GoogleOAuth oauth;
  private final EventSink sink;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Clock clock;
  private final PlatformHttp http;
  private final BusinessProfileClient client;
  private final Duration ackTimeout;

  /** The locations of the configuration. */
  public GoogleReviewsConnectors(
      GoogleReviewsSettings settings,
      List<GoogleReviewsLocationSettings> locations,
      GoogleReviewsSecrets secrets,
      GoogleOAuth oauth,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      KafkaSettings kafka,
      Clock clock) {
    this.settings = settings;
    this.ackTimeout = kafka.ackTimeout();
    this.locations =
        locations.stream()
            .collect(Collectors.toMap(GoogleReviewsLocationSettings::name, Function.identity()));
    this.secrets = secrets;
    this.oauth = oauth;
    this.sink = sink;
    this.cursors = cursors;
    this.listener = listener;
    this.clock = clock;
    this.http =
        settings.http(
            settings.apiUrl(),
            GoogleReviewsSettings.PREFIX + ".api-url",
            new GoogleApiRules(PLATFORM));
    this.client = new BusinessProfileClient(http);
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public boolean pollingEnabled() {
    return settings.pollingEnabled();
  }

  @Override
  public Duration pollInterval() {
    return settings.pollInterval();
  }

  /** The names of the configured locations that have a token or a usable refresh token. */
  @Override
  public List<String> names() {
    return locations.keySet().stream().filter(n -> credential(n).isPresent()).sorted().toList();
  }

  @Override
  public Map<String, String> missingCredentials() {
    return locations.keySet().stream()
        .filter(n -> credential(n).isEmpty())
        .collect(
            Collectors.toMap(
                n -> n,
                n ->
                    GoogleReviewsSecrets.tokenVariable(n)
                        + " or "
                        + GoogleReviewsSecrets.refreshTokenVariable(n)
                        + " with "
                        + GoogleOAuth.CLIENT_ID_VARIABLE
                        + " and "
                        + GoogleOAuth.CLIENT_SECRET_VARIABLE));
  }

  /** A refresh token (renewed) before an access token (fixed). */
  private Optional<AccessToken> credential(String name) {
    Optional<AccessToken> renewing = secrets.refreshToken(name).flatMap(oauth::renewing);
    return renewing.isPresent() ? renewing : secrets.token(name).map(AccessToken::fixed);
  }

  /** A new connector for the location {@code name}, its cursor read from the cursor topic now. */
  @Override
  public GoogleReviewsConnector create(String name) {
    GoogleReviewsLocationSettings location = locations.get(name);
    if (location == null) {
      throw new IllegalArgumentException("no Google reviews location configured as " + name);
    }
    AccessToken token =
        credential(name)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        GoogleReviewsSecrets.tokenVariable(name) + " is not set"));
    return new GoogleReviewsConnector(
        name,
        location.accountId(),
        location.locationId(),
        token,
        client,
        sink,
        cursors,
        listener,
        new GoogleReviewsConnector.Settings(
            settings.pageSize(),
            settings.pollInterval(),
            settings.sweepInterval(),
            settings.deletionConfirmations(),
            ackTimeout,
            location.reviewsUrl()),
        clock);
  }

  /** The Business Profile circuit's state; every location shares it. */
  @Override
  public String circuitState(String name) {
    return http.circuitState();
  }

  /** Polling settings. */
  public GoogleReviewsSettings settings() {
    return settings;
  }

  @PreDestroy
  void close() throws Exception {
    http.close();
  }
}
