package dev.switchboard.ingest.connectors.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.channels.feeds.FeedItem;
import dev.switchboard.contracts.Channel;
import dev.switchboard.contracts.ChannelEvent;
import dev.switchboard.contracts.EventKind;
import dev.switchboard.contracts.Ids;
import dev.switchboard.contracts.ItemType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Feed items become ARTICLE events of the feed's account, their HTML cleaned. */
class FeedNormalizerTest {

  private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
  private static final Instant NOW = T0.plusSeconds(600);

  private static FeedItem item(String title, String body) {
    return new FeedItem("g-1", "https://news.example/1", title, body, "Reporter", T0, null, "{}");
  }

  @Test
  void anItemIsAnArticleOfTheFeedWithTitleAndCleanedBody() {
    ChannelEvent e =
        FeedNormalizer.event(
            "local-news",
            item("Car park fees", "<p>Up by <b>20%</b> &amp; rising</p>"),
            EventKind.CREATED,
            NOW);

    assertThat(e.channel()).isEqualTo(Channel.RSS);
    assertThat(e.itemType()).isEqualTo(ItemType.ARTICLE);
    assertThat(e.account()).isEqualTo("local-news");
    assertThat(e.platformId()).isEqualTo("g-1");
    assertThat(e.threadRootId()).isEqualTo("g-1");
    assertThat(e.itemId()).isEqualTo(Ids.itemId(Channel.RSS, "local-news", "g-1"));
    assertThat(e.text()).isEqualTo("Car park fees\n\nUp by 20% & rising");
    assertThat(e.url()).isEqualTo("https://news.example/1");
    assertThat(e.createdAt()).isEqualTo(T0);
    assertThat(e.revision()).isZero();
  }

  @Test
  void anEditsRevisionFollowsItsContent() {
    ChannelEvent a = FeedNormalizer.event("n", item("t", "v2"), EventKind.EDITED, NOW);
    ChannelEvent b = FeedNormalizer.event("n", item("t", "<i>v2</i>"), EventKind.EDITED, NOW);
    ChannelEvent c = FeedNormalizer.event("n", item("t", "v3"), EventKind.EDITED, NOW);

    assertThat(a.eventId()).isEqualTo(b.eventId());
    assertThat(c.eventId()).isNotEqualTo(a.eventId());
    assertThat(FeedNormalizer.fingerprint(item("t", "v2")))
        .isEqualTo(FeedNormalizer.fingerprint(item("t", "<i>v2</i>")));
  }
}
