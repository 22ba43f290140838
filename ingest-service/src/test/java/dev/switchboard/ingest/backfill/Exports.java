package dev.switchboard.ingest.backfill;

/**
 * Named export files for tests (an object mother), each reading as what a comms team would have.
 */
final class Exports {

  private Exports() {}

  static final String FACEBOOK_HEADER =
      "Comment ID,Post ID,Parent ID,Author,Message,Created Time,Permalink\n";

  /** A Page comments export: a comment, a reply to it, one with markup and a multi-line message. */
  static String facebookComments() {
    return FACEBOOK_HEADER
        + "111_201,111,,Pat Example,\"Waited 6 hours in A&E, nobody told us anything.\","
        + "2026-11-20T09:58:00+0000,https://www.facebook.com/111/posts/1?comment_id=201\n"
        + "111_202,111,111_201,Trust Comms,Sorry to hear this &ndash; please message us.,"
        + "2026-11-20T10:15:00+0000,https://www.facebook.com/111/posts/1?comment_id=202\n"
        + "111_203,111,,Sam,\"Thank you <b>ward 7</b>,\nyou were brilliant\","
        + "2026-11-21T08:00:00+0000,https://www.facebook.com/111/posts/1?comment_id=203\n";
  }

  /** The generic column set, with one good row per kind. */
  static String genericCsv() {
    return "platformId,threadRootId,parentId,authorId,authorName,text,url,createdAt,kind,revision,"
        + "itemType,visibility\n"
        + "g-1,,,u-1,Pat,First post,https://social.example/g-1,2026-11-20T09:00:00Z,,,,\n"
        + "g-2,g-1,g-1,u-2,Sam,A reply,,2026-11-20T09:05:00+01:00,created,0,reply,public\n"
        + "g-1,,,u-1,Pat,First post (edited),,2026-11-20T09:00:00Z,edited,1,,\n";
  }
}
