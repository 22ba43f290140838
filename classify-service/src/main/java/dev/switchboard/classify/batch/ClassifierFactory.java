package dev.switchboard.classify.batch;

import dev.switchboard.classify.domain.SwitchboardClassifier;
import dev.switchboard.classify.domain.TriageRules;
import dev.switchboard.classify.domain.model.LogisticModel;
import dev.switchboard.classify.domain.model.TrainingExample;
import dev.switchboard.classify.domain.rules.Cue;
import dev.switchboard.classify.domain.rules.Lexicon;
import dev.switchboard.classify.domain.rules.LexiconEntry;
import dev.switchboard.classify.domain.rules.PersonalDataDetector;
import dev.switchboard.classify.domain.rules.RuleEngine;
import dev.switchboard.classify.domain.rules.StaffMember;
import dev.switchboard.classify.domain.rules.TrustContacts;
import dev.switchboard.contracts.LabelName;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Assembles the classifier from its shipped resources (lexicon, first names, training corpus) and a
 * trust's optional files (lexicon extension, staff directory). Plain Java, shared by the stream
 * service and the batch jar so both classify identically.
 */
public final class ClassifierFactory {

  /** The classifier's release; the version adds a hash of corpus and lexicons. */
  public static final String RELEASE = "switchboard-classifier-1.0";

  /** Where the training corpus lives on the classpath. */
  public static final String CORPUS_DIR = "corpus/train";

  static final String LEXICON = "lexicons/switchboard.lexicon";
  static final String FIRST_NAMES = "lexicons/first-names.txt";

  /** E-mail domains that are staff or organisations, never a patient's. */
  public static final List<String> DEFAULT_TRUST_CONTACTS = List.of("@nhs.net", "@nhs.uk");

  /** The words a masked token may stand for (f***ing, c*nt). */
  static final List<String> MASKABLE =
      List.of(
          "fucking",
          "fuckin",
          "fucker",
          "fucked",
          "fuck",
          "cunts",
          "cunt",
          "shite",
          "shit",
          "bitch",
          "twat",
          "wanker",
          "prick",
          "bastard",
          "bastards",
          "arsehole",
          "asshole",
          "dickhead",
          "bollocks",
          "slut",
          "whore",
          "slag",
          "faggot",
          "nigger",
          "paki",
          "retard",
          "spastic",
          "piss",
          "pissed",
          "crap",
          "bloody",
          "damn",
          "cock",
          "dick",
          "scumbag",
          "scum",
          "idiot",
          "moron",
          "tosser",
          "bellend",
          "knobhead");

  private ClassifierFactory() {}

  /**
   * What a trust may configure.
   *
   * @param lexiconExtension a lexicon file in the shipped format, or null
   * @param staffDirectory lines {@code Name, role}, or null
   * @param trustContacts the trust's phone numbers, e-mail addresses or {@code @domains}, postcodes
   * @param triage priority and route rules
   * @param clock stamps {@code classifiedAt}
   */
  public record Options(
      Path lexiconExtension,
      Path staffDirectory,
      List<String> trustContacts,
      TriageRules triage,
      Clock clock) {

    /** Shipped defaults only. */
    public static Options defaults() {
      return new Options(
          null, null, DEFAULT_TRUST_CONTACTS, TriageRules.defaults(), Clock.systemUTC());
    }
  }

  /**
   * A named file of the training corpus.
   *
   * @param name its name (sorting and the version hash use it)
   * @param content its bytes (UTF-8 JSONL)
   */
  public record Source(String name, byte[] content) {}

  /** The classifier trained on the corpus shipped on the classpath. */
  public static SwitchboardClassifier fromClasspath(Options options) {
    return build(options, classpathCorpus());
  }

  /** The classifier trained on {@code corpus}. */
  public static SwitchboardClassifier build(Options options, List<Source> corpus) {
    List<TrainingExample> examples = new ArrayList<>();
    for (Source source : sorted(corpus)) {
      examples.addAll(
          parseCorpus(source.name(), new String(source.content(), StandardCharsets.UTF_8)));
    }
    return build(options, examples, corpus);
  }

  /** The classifier trained on parsed {@code examples} (cross-validation trains on folds). */
  public static SwitchboardClassifier build(
      Options options, List<TrainingExample> examples, List<Source> hashed) {
    byte[] lexicon = resource(LEXICON);
    byte[] extension = read(options.lexiconExtension());
    byte[] staff = read(options.staffDirectory());
    List<LexiconEntry> entries = new ArrayList<>(parseLexicon(lexicon));
    entries.addAll(parseLexicon(extension));
    entries.addAll(staffEntries(parseStaff(new String(staff, StandardCharsets.UTF_8))));
    Lexicon lex = new Lexicon(entries);
    PersonalDataDetector pd =
        new PersonalDataDetector(new TrustContacts(options.trustContacts()), firstNames());
    RuleEngine rules = new RuleEngine(lex, MASKABLE, pd);
    LogisticModel.Settings settings = LogisticModel.Settings.defaults();
    String version = RELEASE + "+" + hash(hashed, lexicon, extension, staff, settings.toString());
    return new SwitchboardClassifier(
        rules,
        examples,
        settings,
        SwitchboardClassifier.defaultThresholds(),
        options.triage(),
        version,
        options.clock());
  }

  /** Parses a corpus file: one {@code {"id","channel","text","labels":[...]}} per line. */
  public static List<TrainingExample> parseCorpus(String name, String content) {
    List<TrainingExample> out = new ArrayList<>();
    String[] lines = content.split("\n");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        Map<String, Object> o = JsonLine.object(line);
        Object text = o.get("text");
        if (!(text instanceof String)) {
          throw new IllegalArgumentException("no text");
        }
        Set<LabelName> labels = EnumSet.noneOf(LabelName.class);
        Object raw = o.get("labels");
        if (raw instanceof List<?> list) {
          for (Object l : list) {
            labels.add(LabelName.valueOf(String.valueOf(l).toUpperCase(Locale.ROOT)));
          }
        }
        Object id = o.get("id");
        Object channel = o.get("channel");
        out.add(
            new TrainingExample(
                id == null ? name + ":" + (n + 1) : String.valueOf(id),
                channel == null ? "" : String.valueOf(channel),
                (String) text,
                labels));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + ":" + (n + 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The staff directory: {@code Name, role} per line, {@code #} comments. */
  public static List<StaffMember> parseStaff(String content) {
    List<StaffMember> out = new ArrayList<>();
    for (String line : content.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int comma = l.indexOf(',');
      out.add(
          comma < 0
              ? new StaffMember(l, "")
              : new StaffMember(l.substring(0, comma).strip(), l.substring(comma + 1).strip()));
    }
    return out;
  }

  static List<LexiconEntry> staffEntries(List<StaffMember> staff) {
    List<LexiconEntry> out = new ArrayList<>();
    for (StaffMember member : staff) {
      List<String> words = words(member.name());
      if (words.isEmpty()) {
        continue;
      }
      out.add(new LexiconEntry(Cue.STAFF_NAME, words, 1.0));
      if (words.size() > 1) {
        out.add(new LexiconEntry(Cue.STAFF_NAME, List.of(words.get(words.size() - 1)), 0.6));
      }
      List<String> role = words(member.role());
      if (!role.isEmpty()) {
        out.add(new LexiconEntry(Cue.STAFF_ROLE, role, 1.0));
      }
    }
    return out;
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.toLowerCase(Locale.ROOT).replace("'", "").split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static List<LexiconEntry> parseLexicon(byte[] content) {
    return Lexicon.parse(new StringReader(new String(content, StandardCharsets.UTF_8)));
  }

  static Set<String> firstNames() {
    Set<String> names = new HashSet<>();
    for (String line : new String(resource(FIRST_NAMES), StandardCharsets.UTF_8).split("\n")) {
      String name = line.strip().toLowerCase(Locale.ROOT);
      if (!name.isEmpty() && !name.startsWith("#")) {
        names.add(name);
      }
    }
    return names;
  }

  private static List<Source> sorted(List<Source> corpus) {
    List<Source> out = new ArrayList<>(corpus);
    out.sort(Comparator.comparing(Source::name));
    return out;
  }

  private static String hash(
      List<Source> corpus, byte[] lexicon, byte[] extension, byte[] staff, String settings) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Source s : sorted(corpus)) {
        sha.update(s.name().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(s.content());
        sha.update((byte) 0);
      }
      for (byte[] part :
          List.of(lexicon, extension, staff, settings.getBytes(StandardCharsets.UTF_8))) {
        sha.update(part);
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }

  private static byte[] read(Path path) {
    if (path == null) {
      return new byte[0];
    }
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  static byte[] resource(String name) {
    try (InputStream in = ClassifierFactory.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The {@code *.jsonl} files under {@code corpus/train} on the classpath, from a directory (tests,
   * IDE) or a plain jar (the batch jar); the Spring service lists them with its own resolver.
   */
  public static List<Source> classpathCorpus() {
    List<Source> out = new ArrayList<>();
    try {
      Enumeration<URL> dirs = ClassifierFactory.class.getClassLoader().getResources(CORPUS_DIR);
      while (dirs.hasMoreElements()) {
        URL url = dirs.nextElement();
        if ("file".equals(url.getProtocol())) {
          try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
              if (p.getFileName().toString().endsWith(".jsonl")) {
                out.add(new Source(p.getFileName().toString(), Files.readAllBytes(p)));
              }
            }
          }
        } else {
          URLConnection connection = url.openConnection();
          if (connection instanceof JarURLConnection jar) {
            connection.setUseCaches(false);
            try (JarFile file = jar.getJarFile()) {
              Enumeration<JarEntry> entries = file.entries();
              String prefix = jar.getEntryName() == null ? CORPUS_DIR : jar.getEntryName();
              while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                String name = e.getName();
                if (name.startsWith(prefix + "/") && name.endsWith(".jsonl")) {
                  try (InputStream in = file.getInputStream(e)) {
                    out.add(
                        new Source(name.substring(name.lastIndexOf('/') + 1), in.readAllBytes()));
                  }
                }
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return sorted(out);
  }
}
