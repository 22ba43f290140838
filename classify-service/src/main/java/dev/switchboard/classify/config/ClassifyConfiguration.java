package dev.switchboard.classify.config;

import dev.switchboard.classify.batch.ClassifierFactory;
import dev.switchboard.classify.domain.Classifier;
import dev.switchboard.classify.domain.SwitchboardClassifier;
import dev.switchboard.classify.domain.TriageRules;
import dev.switchboard.classify.domain.WithRemoteOpinion;
import dev.switchboard.classify.messaging.ClassifyFunction;
import dev.switchboard.classify.remote.HttpRemoteOpinion;
import dev.switchboard.eventstreams.ContractJson;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.messaging.Message;

/**
 * Wires the plain-Java classifier into the {@code classify} stream function. The retry template
 * ({@code switchboard.retry.*}) and the dead-letter counter come from the event-streams library.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClassifySettings.class)
public class ClassifyConfiguration {

  /** Wall clock in UTC; tests put a fixed {@code @Primary} clock beside it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Trained at start from the shipped corpus (seconds), with the trust's files. */
  @Bean
  Classifier classifier(ClassifySettings settings, Clock clock, MeterRegistry meters) {
    ClassifierFactory.Options options =
        new ClassifierFactory.Options(
            path(settings.lexiconExtension()),
            path(settings.staffDirectory()),
            settings.trustContacts() == null
                ? ClassifierFactory.DEFAULT_TRUST_CONTACTS
                : settings.trustContacts(),
            triage(settings.triage()),
            clock);
    SwitchboardClassifier local = ClassifierFactory.build(options, corpus());
    ClassifySettings.Remote remote = settings.remote();
    if (remote == null || !remote.enabled()) {
      return local;
    }
    if (remote.url() == null || remote.url().isBlank()) {
      throw new IllegalStateException(
          "CLASSIFY_REMOTE_ENABLED is true but CLASSIFY_REMOTE_URL is not set");
    }
    HttpRemoteOpinion opinion =
        new HttpRemoteOpinion(
            remote.name(),
            URI.create(remote.url()),
            remote.token(),
            remote.timeLimit(),
            remote.failuresToOpen(),
            remote.openFor());
    WithRemoteOpinion classifier =
        new WithRemoteOpinion(local, opinion, remote.threshold(), options.triage(), clock);
    FunctionCounter.builder(
            "switchboard.classify.remote.fallbacks", classifier, WithRemoteOpinion::fallbacks)
        .description("Posts classified without the remote model because it was slow or down")
        .tag("model", remote.name())
        .register(meters);
    Gauge.builder(
            "switchboard.classify.remote.circuit.open",
            opinion,
            o -> "CLOSED".equals(o.circuitState()) ? 0 : 1)
        .tag("model", remote.name())
        .register(meters);
    return classifier;
  }

  /** The bean name is the function definition and the prefix of the binding names. */
  @Bean
  Function<Message<byte[]>, Message<byte[]>> classify(
      Classifier classifier, ContractJson contractJson, MeterRegistry meters) {
    return new ClassifyFunction(classifier, contractJson, meters);
  }

  /** The triage rules from configuration; what is not configured keeps today's default. */
  public static TriageRules triage(ClassifySettings.Triage t) {
    TriageRules defaults = TriageRules.defaults();
    if (t == null) {
      return defaults;
    }
    List<Map.Entry<dev.switchboard.contracts.LabelName, dev.switchboard.contracts.Team>> routes =
        new ArrayList<>();
    if (t.routes() != null) {
      for (ClassifySettings.Route r : t.routes()) {
        routes.add(Map.entry(r.label(), r.team()));
      }
    }
    return new TriageRules(
        t.priorities() == null || t.priorities().isEmpty() ? defaults.priorities() : t.priorities(),
        routes.isEmpty() ? defaults.routeOrder() : routes,
        t.defaultPriority() == null ? defaults.defaultPriority() : t.defaultPriority(),
        t.defaultRoute() == null ? defaults.defaultRoute() : t.defaultRoute());
  }

  private static Path path(String value) {
    return value == null || value.isBlank() ? null : Path.of(value);
  }

  /** Spring's resolver lists the corpus inside the Boot jar as well as in a directory. */
  private static List<ClassifierFactory.Source> corpus() {
    try {
      Resource[] files =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:" + ClassifierFactory.CORPUS_DIR + "/*.jsonl");
      List<ClassifierFactory.Source> out = new ArrayList<>();
      for (Resource file : files) {
        try (InputStream in = file.getInputStream()) {
          out.add(new ClassifierFactory.Source(file.getFilename(), in.readAllBytes()));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
