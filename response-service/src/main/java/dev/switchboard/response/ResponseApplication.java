package dev.switchboard.response;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The response service: turns classified posts into cases and makes them searchable. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ResponseApplication {

  public static void main(String[] args) {
    SpringApplication.run(ResponseApplication.class, args);
  }
}
