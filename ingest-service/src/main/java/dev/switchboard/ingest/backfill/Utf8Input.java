package dev.switchboard.ingest.backfill;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Opens an export as UTF-8 text: a byte order mark, which Excel writes at the start of "CSV UTF-8"
 * files, is dropped, and bytes that are not UTF-8 become {@link #NOT_UTF8}, so the readers reject
 * just that row instead of turning it silently into replacement characters in evidence, or giving
 * up on the rest of the file.
 */
final class Utf8Input {

  /** Stands for bytes that are not UTF-8: a noncharacter, never part of real text. */
  static final char NOT_UTF8 = '\uFFFF';

  private Utf8Input() {}

  static Reader open(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
    buffered.mark(3);
    byte[] head = buffered.readNBytes(3);
    boolean bom =
        head.length == 3
            && (head[0] & 0xff) == 0xEF
            && (head[1] & 0xff) == 0xBB
            && (head[2] & 0xff) == 0xBF;
    if (!bom) {
      buffered.reset();
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(String.valueOf(NOT_UTF8));
    return new InputStreamReader(buffered, decoder);
  }
}
