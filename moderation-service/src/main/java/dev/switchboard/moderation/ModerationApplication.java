package dev.switchboard.moderation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** moderation-service: for now records every classified event it sees (README, "moderation"). */
@SpringBootApplication
public class ModerationApplication {

  /** Starts the service. */
  public static void main(String[] args) {
    SpringApplication.run(ModerationApplication.class, args);
  }
}
