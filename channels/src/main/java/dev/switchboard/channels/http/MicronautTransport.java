package dev.switchboard.channels.http;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Transport} over micronaut-http-client's low-level {@link HttpClient}, created with
 * {@link HttpClient#create(URL, io.micronaut.http.client.HttpClientConfiguration)}: no application
 * context, so Micronaut and Spring services use it alike. Blocking: call it from a worker thread,
 * never from an event loop.
 */
public final class MicronautTransport implements Transport {

  private final HttpClient client;

  /** A client for {@code baseUrl} whose connect and read each give up after their timeout. */
  public MicronautTransport(URL baseUrl, Duration connectTimeout, Duration readTimeout) {
    DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
    configuration.setConnectTimeout(connectTimeout);
    configuration.setReadTimeout(readTimeout);
    // Redirects to another host would carry the access token there.
    configuration.setFollowRedirects(false);
    this.client = HttpClient.create(baseUrl, configuration);
  }

  @Override
  public PlatformResponse send(
      String method, String pathAndQuery, Map<String, String> headers, String body)
      throws TransportException {
    MutableHttpRequest<Object> request =
        HttpRequest.create(io.micronaut.http.HttpMethod.parse(method), pathAndQuery);
    headers.forEach(request::header);
    if (body != null) {
      // Text is written as it is: the caller's Content-Type header says what it is.
      request.body(body);
    }
    try {
      HttpResponse<String> response =
          client.toBlocking().exchange(request, Argument.STRING, Argument.STRING);
      return toPlatformResponse(response, response.getBody(String.class).orElse(""));
    } catch (HttpClientResponseException e) {
      HttpResponse<?> response = e.getResponse();
      return toPlatformResponse(response, response.getBody(String.class).orElse(""));
    } catch (ReadTimeoutException e) {
      throw new TransportException("read timeout", true, e);
    } catch (HttpClientException e) {
      throw new TransportException(e.getClass().getSimpleName(), false, e);
    }
  }

  private static PlatformResponse toPlatformResponse(HttpResponse<?> response, String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : response.getHeaders().names()) {
      headers.put(name, response.getHeaders().getAll(name));
    }
    return new PlatformResponse(response.code(), headers, body);
  }

  @Override
  public void close() {
    client.close();
  }
}
