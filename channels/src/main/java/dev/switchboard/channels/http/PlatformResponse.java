package dev.switchboard.channels.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One HTTP answer of a platform: status, headers (names lower-cased) and the body as text.
 *
 * @param status the HTTP status code
 * @param headers header values by lower-cased name
 * @param body the body, empty when there was none
 */
public record PlatformResponse(int status, Map<String, List<String>> headers, String body) {

  /** Copies the headers with lower-cased names, so lookups ignore case as HTTP does. */
  public PlatformResponse {
    headers =
        headers.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT),
                    e -> List.copyOf(e.getValue()),
                    (a, b) -> a));
    body = body == null ? "" : body;
  }

  /** The first value of header {@code name}, ignoring case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Whether the status is 2xx. */
  public boolean successful() {
    return status >= 200 && status < 300;
  }
}
