package dev.switchboard.ingest.demo;

import static dev.switchboard.ingest.demo.CorpusTest.item;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ingest.demo.DemoPlayer.DemoPost;
import dev.switchboard.ingest.webhook.GenericPost;
import io.micronaut.serde.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pacing, looping and renaming of the demo, driven by a stepped clock (no sleeping). */
class DemoPlayerTest {

  private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

  // A root, a comment, the trust's reply to it, an edit of the root and a deletion of the comment.
  private static final Corpus THREAD =
      Corpus.of(
          List.of(
              item("p-1", null, null, null, 0, "Six hours in A&E.", List.of("complaint")),
              item("c-1", "p-1", "p-1", null, 0, "Same here.", List.of("complaint")),
              item("c-2", "p-1", "c-1", null, 0, "Please contact PALS.", List.of()),
              item("p-1", null, null, "edited", 1, "Six hours in A&E!", List.of("complaint")),
              item("c-1", "p-1", "p-1", "deleted", 0, null, List.of())));

  private final SteppedClock clock = new SteppedClock(START);

  @Test
  void sendsTheFirstPostAtOnceThenOneEveryInterval() {
    DemoPlayer player = new DemoPlayer(THREAD, 120, clock); // one every 500 ms

    assertThat(player.interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(player.untilNext()).isZero();
    player.next();
    assertThat(player.untilNext()).isEqualTo(Duration.ofMillis(500));

    clock.step(Duration.ofMillis(200));
    assertThat(player.untilNext()).isEqualTo(Duration.ofMillis(300));
    clock.step(Duration.ofMillis(300));
    assertThat(player.untilNext()).isZero();
  }

  @Test
  void keepsTheRateWhenTheSenderWakesLateWithoutDrifting() {
    DemoPlayer player = new DemoPlayer(THREAD, 60, clock); // one a second
    player.next();
    // The sender wakes 300 ms late each time (a slow answer): the schedule stays on whole seconds.
    for (int i = 1; i <= 4; i++) {
      clock.step(Duration.ofMillis(1300 - (i == 1 ? 0 : 300)));
      assertThat(player.untilNext()).isZero();
      player.next();
      assertThat(player.untilNext()).isEqualTo(Duration.ofMillis(700));
    }
    assertThat(clock.instant()).isEqualTo(START.plusMillis(4300));
  }

  @Test
  void afterAStallItStartsAgainFromNowInsteadOfBursting() {
    DemoPlayer player = new DemoPlayer(THREAD, 60, clock);
    player.next();

    clock.step(Duration.ofSeconds(30)); // e.g. Kafka was down and the post was retried
    player.next();

    assertThat(player.untilNext()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void stampsEachPostWithTheTimeItIsTaken() {
    DemoPlayer player = new DemoPlayer(THREAD, 60, clock);
    clock.step(Duration.ofMillis(1234));
    assertThat(player.next().post().createdAt()).isEqualTo("2026-11-25T09:00:01.234Z");
    clock.step(Duration.ofSeconds(1));
    assertThat(player.next().post().createdAt()).isEqualTo("2026-11-25T09:00:02.234Z");
  }

  @Test
  void loopsWithNewIdsAndKeepsEachLoopsThreadConsistent() {
    DemoPlayer player = new DemoPlayer(THREAD, 60, clock);
    List<DemoPost> posts = new ArrayList<>();
    for (int i = 0; i < 2 * THREAD.size(); i++) {
      posts.add(player.next());
      clock.step(Duration.ofSeconds(1));
    }
    List<DemoPost> first = posts.subList(0, 5);
    List<DemoPost> second = posts.subList(5, 10);
    assertThat(first).extracting(DemoPost::loop).containsOnly(0);
    assertThat(second).extracting(DemoPost::loop).containsOnly(1);

    String run = Long.toString(START.getEpochSecond(), 36);
    for (List<DemoPost> loop : List.of(first, second)) {
      int n = loop.get(0).loop();
      String root = "demo-" + run + "-" + n + "-p-1";
      String comment = "demo-" + run + "-" + n + "-c-1";
      GenericPost created = loop.get(0).post();
      assertThat(created.platformId()).isEqualTo(root);
      assertThat(created.threadRootId()).isNull();
      assertThat(loop.get(1).post())
          .extracting(GenericPost::platformId, GenericPost::threadRootId, GenericPost::parentId)
          .containsExactly(comment, root, root);
      assertThat(loop.get(2).post().parentId()).isEqualTo(comment);
      assertThat(loop.get(3).post())
          .extracting(GenericPost::platformId, GenericPost::kind, GenericPost::revision)
          .containsExactly(root, "edited", 1);
      assertThat(loop.get(4).post())
          .extracting(GenericPost::platformId, GenericPost::kind, GenericPost::text)
          .containsExactly(comment, "deleted", null);
    }
    Set<String> firstIds = new HashSet<>();
    first.forEach(p -> firstIds.add(p.post().platformId()));
    second.forEach(p -> assertThat(firstIds).doesNotContain(p.post().platformId()));
  }

  @Test
  void anotherRunGetsOtherIds() {
    String first = new DemoPlayer(THREAD, 60, clock).next().post().platformId();
    clock.step(Duration.ofSeconds(1));
    String second = new DemoPlayer(THREAD, 60, clock).next().post().platformId();
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void sendsThePostButNotTheCorpusOwnFields() throws Exception {
    DemoPost post = new DemoPlayer(THREAD, 60, clock).next();
    assertThat(post.expectedLabels()).containsExactly("complaint");

    String body = new String(ObjectMapper.getDefault().writeValueAsBytes(post.post()), UTF_8);

    assertThat(body)
        .contains("\"text\":\"Six hours in A&E.\"")
        .contains("\"createdAt\":\"2026-11-25T09:00:00Z\"")
        .doesNotContain("expectedLabels")
        .doesNotContain("complaint");
  }

  @Test
  void playsTheShippedCorpus() {
    Corpus corpus = Corpus.load(ObjectMapper.getDefault(), Corpus.DEFAULT_RESOURCE);
    DemoPlayer player = new DemoPlayer(corpus, 6000, clock);
    for (int i = 0; i < corpus.size(); i++) {
      DemoPost post = player.next();
      assertThat(post.loop()).isZero();
      assertThat(post.post().platformId()).hasSizeLessThanOrEqualTo(256);
      clock.step(player.untilNext());
    }
    assertThat(player.next().loop()).isEqualTo(1);
  }

  @Test
  void refusesABadRateOrABrokenCorpus() {
    assertThatThrownBy(() -> new DemoPlayer(THREAD, 0, clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DemoPlayer(THREAD, Double.NaN, clock))
        .isInstanceOf(IllegalArgumentException.class);
    Corpus broken = Corpus.of(List.of(item("c-1", "p-9", "p-9", null, 0, "x", List.of())));
    assertThatThrownBy(() -> new DemoPlayer(broken, 60, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p-9");
  }
}
