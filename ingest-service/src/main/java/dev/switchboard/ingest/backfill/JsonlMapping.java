package dev.switchboard.ingest.backfill;

import dev.switchboard.ingest.webhook.GenericPost;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;

/**
 * A JSONL line is one generic post (docs/generic-webhook.md), optionally with its own {@code
 * channel} and {@code account} when the file mixes accounts. Parse errors are reported in fixed
 * words: the parser's own messages can quote the line.
 */
final class JsonlMapping {

  private final JsonMapper json;

  JsonlMapping(JsonMapper json) {
    this.json = json;
  }

  MappedRow map(String line) throws RowRejectedException {
    JsonNode node;
    try {
      node = json.readValue(line, JsonNode.class);
    } catch (IOException | RuntimeException e) {
      throw new RowRejectedException(
          RejectReason.MALFORMED_JSON, null, "the line is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw new RowRejectedException(
          RejectReason.MALFORMED_JSON, null, "the line is not a JSON object");
    }
    String channel = string(node, "channel");
    GenericPost post;
    try {
      post = json.readValueFromTree(node, GenericPost.class);
    } catch (IOException | RuntimeException e) {
      throw new RowRejectedException(
          RejectReason.MALFORMED_JSON,
          null,
          "a field has the wrong JSON type for the generic post (docs/generic-webhook.md)");
    }
    return new MappedRow(channel, post.account(), post);
  }

  private static String string(JsonNode node, String field) throws RowRejectedException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new RowRejectedException(
          RejectReason.MALFORMED_JSON, field, field + " must be a JSON string");
    }
    return value.getStringValue();
  }
}
