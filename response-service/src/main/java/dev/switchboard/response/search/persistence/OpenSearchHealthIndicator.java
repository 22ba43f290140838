package dev.switchboard.response.search.persistence;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch.cluster.HealthResponse;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Health of the OpenSearch cluster the posts index lives in: red is down, yellow still serves. */
public class OpenSearchHealthIndicator extends AbstractHealthIndicator {

  private final OpenSearchClient client;

  /** Creates the indicator over the client. */
  public OpenSearchHealthIndicator(OpenSearchClient client) {
    super("OpenSearch health check failed");
    this.client = client;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    HealthResponse health = client.cluster().health();
    builder.withDetail("cluster", health.clusterName()).withDetail("status", health.status());
    if (health.status() == HealthStatus.Red) {
      builder.down();
    } else {
      builder.up();
    }
  }
}
