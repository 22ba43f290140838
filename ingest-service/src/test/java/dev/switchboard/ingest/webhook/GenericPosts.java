package dev.switchboard.ingest.webhook;

import java.util.List;

/** Named generic posts for tests (an object mother): each reads as the scenario it stands for. */
public final class GenericPosts {

  private GenericPosts() {}

  /** A new public comment on a thread, with everything a careful caller sends. */
  public static GenericPost aComment() {
    return new GenericPost(
        null,
        "c-42",
        "p-1",
        "p-1",
        "created",
        0,
        "comment",
        new GenericPost.GenericAuthor("u-7", "Pat Example", "pat", "https://social.example/u/pat"),
        "Waited 6 hours in A&E last night.",
        "https://social.example/p/1#c-42",
        "2026-11-25T09:30:00Z",
        "public",
        null,
        "en-GB",
        List.of(new GenericPost.GenericAttachment("image", "https://cdn.example/1.jpg")));
  }

  /** Only what the documentation requires: platformId, text and createdAt. */
  public static GenericPost aMinimalPost() {
    return new GenericPost(
        null,
        "p-1",
        null,
        null,
        null,
        null,
        null,
        null,
        "Thank you to ward 7!",
        null,
        "2026-11-25T09:30:00+01:00",
        null,
        null,
        null,
        null);
  }
}
