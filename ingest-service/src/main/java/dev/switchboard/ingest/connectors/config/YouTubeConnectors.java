package dev.switchboard.ingest.connectors.config;

import dev.switchboard.channels.http.GoogleApiRules;
import dev.switchboard.channels.http.PlatformHttp;
import dev.switchboard.channels.oauth.AccessToken;
import dev.switchboard.channels.youtube.YouTubeClient;
import dev.switchboard.channels.youtube.YouTubeCredential;
import dev.switchboard.ingest.config.KafkaSettings;
import dev.switchboard.ingest.connectors.ConnectorGroup;
import dev.switchboard.ingest.connectors.ConnectorListener;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.youtube.YouTubeChannelConnector;
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
 * The configured YouTube channels and what their connectors share: one {@link PlatformHttp} (one
 * circuit; the project's quota is shared too) and one {@link YouTubeClient}. {@link
 * #create(String)} builds a fresh connector, reading its cursor from Kafka, as a restarted instance
 * would.
 */
@Singleton
public class YouTubeConnectors implements ConnectorGroup {

  private final YouTubeSettings settings;
  private final Map<String, YouTubeChannelSettings> channels;
  private final YouTubeSecrets secrets;
  private final GoogleOAuth oauth;
  private final EventSink sink;
  private final CursorStore cursors;
  private final ConnectorListener listener;
  private final Clock clock;
  private final PlatformHttp http;
  private final YouTubeClient client;
  private final Duration ackTimeout;

  /** The channels of the configuration. */
  public YouTubeConnectors(
      YouTubeSettings settings,
      List<YouTubeChannelSettings> channels,
      YouTubeSecrets secrets,
      GoogleOAuth oauth,
      EventSink sink,
      CursorStore cursors,
      ConnectorListener listener,
      KafkaSettings kafka,
      Clock clock) {
    this.settings = settings;
    this.ackTimeout = kafka.ackTimeout();
    this.channels =
        channels.stream()
            .collect(Collectors.toMap(YouTubeChannelSettings::name, Function.identity()));
    this.secrets = secrets;
    this.oauth = oauth;
    this.sink = sink;
    this.cursors = cursors;
    this.listener = listener;
    this.clock = clock;
    this.http =
        settings.http(
            settings.apiUrl(),
            "switchboard.connectors.youtube.api-url",
            new GoogleApiRules("youtube"));
    this.client = new YouTubeClient(http);
  }

  @Override
  public String platform() {
    return "youtube";
  }

  @Override
  public boolean pollingEnabled() {
    return settings.pollingEnabled();
  }

  @Override
  public Duration pollInterval() {
    return settings.pollInterval();
  }

  /** The names of the configured channels that have a key, a token or a usable refresh token. */
  @Override
  public List<String> names() {
    return channels.keySet().stream().filter(n -> credential(n).isPresent()).sorted().toList();
  }

  @Override
  public Map<String, String> missingCredentials() {
    return channels.keySet().stream()
        .filter(n -> credential(n).isEmpty())
        .collect(
            Collectors.toMap(
                n -> n,
                n ->
                    YouTubeSecrets.tokenVariable(n)
                        + " or "
                        + SecretVariables.of(YouTubeSecrets.REFRESH_TOKEN_PREFIX, n)
                        + " with "
                        + GoogleOAuth.CLIENT_ID_VARIABLE
                        + " and "
                        + GoogleOAuth.CLIENT_SECRET_VARIABLE));
  }

  /** A refresh token (renewed) before a token or key (fixed). */
  private Optional<AccessToken> credential(String name) {
    Optional<AccessToken> renewing = secrets.refreshToken(name).flatMap(oauth::renewing);
    return renewing.isPresent() ? renewing : secrets.token(name).map(AccessToken::fixed);
  }

  /** A new connector for the channel {@code name}, its cursor read from the cursor topic now. */
  @Override
  public YouTubeChannelConnector create(String name) {
    YouTubeChannelSettings channel = channels.get(name);
    if (channel == null) {
      throw new IllegalArgumentException("no YouTube channel configured as " + name);
    }
    AccessToken token =
        credential(name)
            .orElseThrow(
                () ->
                    new IllegalStateException(YouTubeSecrets.tokenVariable(name) + " is not set"));
    YouTubeCredential.Type type = credentialType(name, channel.credential());
    if (token.renewable() && type != YouTubeCredential.Type.OAUTH) {
      throw new IllegalArgumentException(
          "YouTube channel " + name + ": a refresh token needs credential oauth");
    }
    List<String> statuses = statuses(name, channel, type);
    return new YouTubeChannelConnector(
        name,
        channel.channelId(),
        new YouTubeCredential(type, token),
        client,
        sink,
        cursors,
        listener,
        new YouTubeChannelConnector.Settings(
            settings.pageSize(), settings.pollInterval(), ackTimeout, statuses),
        clock);
  }

  private static YouTubeCredential.Type credentialType(String name, String credential) {
    if (credential == null || credential.isBlank() || credential.equalsIgnoreCase("oauth")) {
      return YouTubeCredential.Type.OAUTH;
    }
    if (credential.equalsIgnoreCase("api-key")) {
      return YouTubeCredential.Type.API_KEY;
    }
    throw new IllegalArgumentException(
        "YouTube channel " + name + ": credential must be oauth or api-key");
  }

  private static List<String> statuses(
      String name, YouTubeChannelSettings channel, YouTubeCredential.Type type) {
    List<String> statuses =
        channel.moderationStatuses() == null || channel.moderationStatuses().isEmpty()
            ? (type == YouTubeCredential.Type.OAUTH
                ? YouTubeClient.MODERATION_STATUSES
                : List.of("published"))
            : List.copyOf(channel.moderationStatuses());
    for (String status : statuses) {
      if (!YouTubeClient.MODERATION_STATUSES.contains(status)) {
        throw new IllegalArgumentException(
            "YouTube channel " + name + ": unknown moderation status " + status);
      }
      // YouTube refuses these to anyone but the owner: fail at start, not on every poll.
      if (!status.equals("published") && type == YouTubeCredential.Type.API_KEY) {
        throw new IllegalArgumentException(
            "YouTube channel " + name + ": " + status + " needs the owner's OAuth token");
      }
    }
    return statuses;
  }

  /** The YouTube circuit's state; every channel shares it. */
  @Override
  public String circuitState(String name) {
    return http.circuitState();
  }

  /** Polling settings. */
  public YouTubeSettings settings() {
    return settings;
  }

  @PreDestroy
  void close() throws Exception {
    http.close();
  }
}
