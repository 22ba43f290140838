package dev.switchboard.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

  @Test
  void theBrokerIsOneKraftNodeOnLoopbackThatNeverCreatesTopicsByItself() {
    String properties = KafkaBroker.serverProperties(9092, 9093, Path.of("/tmp/k/data"));

    assertThat(properties.lines())
        .contains(
            "process.roles=broker,controller",
            "controller.quorum.voters=1@127.0.0.1:9093",
            "listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093",
            "advertised.listeners=PLAINTEXT://127.0.0.1:9092",
            "auto.create.topics.enable=false",
            "offsets.topic.replication.factor=1",
            "log.dirs=/tmp/k/data");
  }
}
