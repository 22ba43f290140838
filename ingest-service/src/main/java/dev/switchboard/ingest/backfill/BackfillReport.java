package dev.switchboard.ingest.backfill;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What an import did. Every row read is counted exactly once: {@code rowsRead = published +
 * rejected + duplicates + notPublished}. Lists are capped at {@link BackfillImport#MAX_LISTED}
 * entries each; the counts are always complete. Never carries row content.
 *
 * @param status COMPLETE when the whole file was read and every good row acknowledged by Kafka
 * @param rowsRead data rows read (a CSV header and blank lines are not rows)
 * @param published rows acknowledged by Kafka ({@code acks=all})
 * @param rejected rows that could not be mapped, listed in {@code rejections}
 * @param duplicates rows whose event id an earlier row of the same file already had (not sent
 *     again)
 * @param notPublished rows mapped and sent but not acknowledged, listed in {@code
 *     notPublishedLines}
 * @param bytesRead bytes of the file read
 * @param rejections line, reason and column of each rejected row
 * @param duplicateLines lines of the duplicate rows
 * @param notPublishedLines lines of the rows Kafka did not acknowledge
 * @param stop why the import stopped early; null when it read the whole file
 * @param stopDetail the stop in words, e.g. which line was read last
 * @param lastLineRead the line of the last row read: when stopped, nothing after it was read
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackfillReport(
    Status status,
    long rowsRead,
    long published,
    long rejected,
    long duplicates,
    long notPublished,
    long bytesRead,
    List<Rejection> rejections,
    List<Long> duplicateLines,
    List<Long> notPublishedLines,
    Stop stop,
    String stopDetail,
    long lastLineRead) {

  /** Whether everything in the file that could be published was. */
  public enum Status {
    /** Read to the end; every good row was acknowledged by Kafka (some may have been rejected). */
    COMPLETE,
    /** Stopped early or some rows were not acknowledged: run the same file again. */
    INCOMPLETE
  }

  /** Why an import stopped before the end of the file. */
  public enum Stop {
    /** Kafka did not acknowledge a row in time, so reading stopped. */
    KAFKA_UNAVAILABLE,
    /** The upload went past the size limit. */
    INPUT_TOO_LARGE,
    /** The input could not be read on: the connection or the disk failed. */
    INPUT_UNREADABLE
  }

  /** True when nothing needs attention: complete, nothing rejected. */
  public boolean clean() {
    return status == Status.COMPLETE && rejected == 0;
  }
}
