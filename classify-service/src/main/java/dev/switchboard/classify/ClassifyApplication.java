package dev.switchboard.classify;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** classify-service: turns channel events into classified events (see README, "classify"). */
@SpringBootApplication
public class ClassifyApplication {

  /** Starts the service. */
  public static void main(String[] args) {
    SpringApplication.run(ClassifyApplication.class, args);
  }
}
