package dev.switchboard.response.config;

import dev.switchboard.response.search.persistence.OpenSearchHealthIndicator;
import dev.switchboard.response.search.persistence.OpenSearchPostIndex;
import java.net.URISyntaxException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenSearch client (httpclient5 transport, Jackson 2 mapper) and the posts index. */
@Configuration(proxyBeanMethods = false)
public class OpenSearchConfig {

  /** The transport; closed with the context. */
  @Bean(destroyMethod = "close")
  OpenSearchTransport openSearchTransport(ResponseProperties properties) throws URISyntaxException {
    ResponseProperties.OpenSearch os = properties.openSearch();
    return ApacheHttpClient5TransportBuilder.builder(HttpHost.create(os.url()))
        .setMapper(new JacksonJsonpMapper())
        .setRequestConfigCallback(
            request ->
                request
                    .setConnectionRequestTimeout(Timeout.of(os.connectTimeout()))
                    .setResponseTimeout(Timeout.of(os.responseTimeout())))
        .build();
  }

  @Bean
  OpenSearchClient openSearchClient(OpenSearchTransport transport) {
    return new OpenSearchClient(transport);
  }

  /** Shown as {@code openSearch} under {@code /actuator/health}. */
  @Bean
  OpenSearchHealthIndicator openSearchHealthIndicator(OpenSearchClient client) {
    return new OpenSearchHealthIndicator(client);
  }

  /**
   * The posts index, created with its mapping at start if missing (fails the start if it can't).
   */
  @Bean
  OpenSearchPostIndex postIndex(OpenSearchClient client, ResponseProperties properties) {
    OpenSearchPostIndex index =
        new OpenSearchPostIndex(client, properties.openSearch().postsIndex());
    index.createIfMissing();
    return index;
  }
}
