package dev.switchboard.opensearchnode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;
import org.opensearch.transport.TransportService;

/**
 * Runs one single-node OpenSearch cluster with REST in this JVM; started as a child process by
 * embedded-infra. Arguments are {@code key=value} node settings.
 *
 * <p>Prints {@value #HTTP_PORT_LINE}{@code <port>} once REST is bound, so the parent learns the
 * port even when it asked for port 0. Exits when its standard input closes, so a node never
 * outlives the JVM that started it, even one killed with SIGKILL.
 */
public final class OpenSearchNodeMain {

  /** The line prefix announcing the bound HTTP port; the parent process parses it. */
  public static final String HTTP_PORT_LINE = "SWITCHBOARD-OPENSEARCH-HTTP-PORT=";

  /** The line prefix announcing the bound transport port. */
  public static final String TRANSPORT_PORT_LINE = "SWITCHBOARD-OPENSEARCH-TRANSPORT-PORT=";

  private static final String LOG4J_CONFIG = "log4j2.configurationFile";

  private OpenSearchNodeMain() {}

  /** Starts the node and blocks until standard input closes or the JVM is asked to stop. */
  public static void main(String[] args) throws Exception {
    // Before the first log4j call: without a configuration log4j prints only errors.
    if (System.getProperty(LOG4J_CONFIG) == null) {
      System.setProperty(LOG4J_CONFIG, "META-INF/switchboard/opensearch-log4j2.xml");
    }
    Settings.Builder builder =
        Settings.builder()
            .put("network.host", "127.0.0.1")
            .put("discovery.type", "single-node")
            .put("node.name", "switchboard-embedded")
            .put("cluster.name", "switchboard-embedded")
            .put("http.port", "0")
            .put("transport.port", "0")
            // A developer machine's disk is often fuller than the production watermarks allow;
            // the node must not turn indices read-only under a test.
            .put("cluster.routing.allocation.disk.threshold_enabled", "false")
            .put("action.auto_create_index", "true");
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected key=value, got: " + arg);
      }
      builder.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    Settings settings = builder.build();
    if (settings.get("path.home") == null) {
      throw new IllegalArgumentException("path.home=<dir> is required");
    }
    LogConfigurator.configureWithoutConfig(settings);
    Path configDir = Path.of(settings.get("path.home"), "config");
    Environment environment =
        InternalSettingsPreparer.prepareEnvironment(
            settings, Map.of(), configDir, () -> settings.get("node.name"));

    EmbeddedNode node = new EmbeddedNode(environment);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.close();
                    node.awaitClose(30, TimeUnit.SECONDS);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } finally {
                    stopped.countDown();
                  }
                },
                "opensearch-node-shutdown"));
    node.start();

    int httpPort =
        node.injector()
            .getInstance(HttpServerTransport.class)
            .boundAddress()
            .publishAddress()
            .getPort();
    int transportPort =
        node.injector()
            .getInstance(TransportService.class)
            .boundAddress()
            .publishAddress()
            .getPort();
    System.out.println(TRANSPORT_PORT_LINE + transportPort);
    System.out.println(HTTP_PORT_LINE + httpPort);
    System.out.flush();

    watchParent(System.in);
    stopped.await();
  }

  /** Blocks until the parent closes our stdin (or dies), then exits through the shutdown hook. */
  private static void watchParent(InputStream stdin) {
    try {
      while (stdin.read() >= 0) {
        // the parent never writes; anything read is ignored
      }
    } catch (IOException e) {
      // a broken pipe means the parent is gone, which is the same signal as EOF
    }
    System.exit(0);
  }

  /** A node with the plugins a single test or local node needs, loaded from the classpath. */
  private static final class EmbeddedNode extends Node {
    private static final List<Class<? extends Plugin>> PLUGINS =
        List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, MapperExtrasPlugin.class);

    EmbeddedNode(Environment environment) {
      super(environment, PLUGINS, true);
    }

    @Override
    protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {
      // The default installs a listener that sets log4j's node-id lookup; it needs the log4j2
      // configuration from a distribution, which an embedded node does not have.
    }
  }
}
