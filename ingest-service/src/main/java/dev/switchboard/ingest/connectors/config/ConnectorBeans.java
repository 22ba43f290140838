package dev.switchboard.ingest.connectors.config;

import dev.switchboard.ingest.config.KafkaSettings;
import dev.switchboard.ingest.connectors.CursorStore;
import dev.switchboard.ingest.connectors.EventSink;
import dev.switchboard.ingest.connectors.messaging.KafkaCursorStore;
import dev.switchboard.ingest.messaging.ChannelEventPublisher;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.Producer;

/** The plain-Java collaborators of the connectors. */
@Factory
public class ConnectorBeans {

  /** Facebook's secrets from the process environment; tests replace this bean. */
  @Singleton
  FacebookSecrets facebookSecrets() {
    return FacebookSecrets.fromEnvironment(System.getenv());
  }

  /** WordPress application passwords from the process environment; tests replace this bean. */
  @Singleton
  WordPressSecrets wordPressSecrets() {
    return WordPressSecrets.fromEnvironment(System.getenv());
  }

  /** Blogger credentials from the process environment; tests replace this bean. */
  @Singleton
  BloggerSecrets bloggerSecrets() {
    return BloggerSecrets.fromEnvironment(System.getenv());
  }

  /** YouTube's keys and tokens from the process environment; tests replace this bean. */
  @Singleton
  YouTubeSecrets youTubeSecrets() {
    return YouTubeSecrets.fromEnvironment(System.getenv());
  }

  /**
   * Instagram's tokens and webhook secrets from the process environment; tests replace this bean.
   */
  @Singleton
  InstagramSecrets instagramSecrets() {
    return InstagramSecrets.fromEnvironment(System.getenv());
  }

  /** Google's OAuth client id and secret from the process environment; tests replace this bean. */
  @Singleton
  GoogleOAuth.Secrets googleOAuthSecrets() {
    return GoogleOAuth.Secrets.fromEnvironment(System.getenv());
  }

  /** X's tokens from the process environment; tests replace this bean. */
  @Singleton
  XSecrets xSecrets() {
    return XSecrets.fromEnvironment(System.getenv());
  }

  /** Events go through the service's one publisher (acks=all, idempotent). */
  @Singleton
  EventSink eventSink(ChannelEventPublisher publisher) {
    return publisher::publish;
  }

  /** Cursors in the compacted cursor topic. */
  @Singleton
  CursorStore cursorStore(Producer<String, byte[]> producer, KafkaSettings settings) {
    return new KafkaCursorStore(producer, settings);
  }
}
