// The Java side of the templates oracle: asks a real JVM what the SailPoint backend (a Java service)
// would make of each case that generate-oracle.mjs writes, one case per line, fields separated by tabs:
//
//   L  instant  zone  locale          every Formatter date/time letter, String.format("%t<letter>")
//   X  instant  zone  locale  text    a whole text written the SailPoint way ("%Y-%m-%d"), as "%tY-%tm-%td"
//   D  text  canonical  start  zone   an ISO-8601 duration: parsed (the date part by Period.parse, the time
//                                     part by Duration.parse, one leading sign for both, as a Java service
//                                     would read "P1DT2H"), whether `canonical` means the same, and where
//                                     ZonedDateTime.plus(Period).plus(Duration) lands from `start` in `zone`
//
// and prints each case followed by Java's answers, non-ASCII characters as \\uXXXX. Run by
// generate-oracle.mjs (javac, then java -cp <dir> JavaOracle <cases file>); the tests never run Java.

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRulesProvider;
import java.util.Locale;

public class JavaOracle {
  /** Every java.util.Formatter date/time suffix letter, in the order the package's tests expect. */
  static final String LETTERS = "YyCmdeBbhAajHIklMSLNpzZsQRTrDFc";

  public static void main(String[] args) throws Exception {
    StringBuilder out = new StringBuilder();
    out.append("#\t").append(System.getProperty("java.version")).append('\t')
        .append(ZoneRulesProvider.getVersions("UTC").lastKey()).append('\n');
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      if (line.isEmpty()) continue;
      String[] f = line.split("\t", -1);
      out.append(line);
      switch (f[0]) {
        case "L" -> {
          ZonedDateTime at = Instant.parse(f[1]).atZone(ZoneId.of(f[2]));
          Locale locale = Locale.forLanguageTag(f[3]);
          for (char letter : LETTERS.toCharArray()) {
            out.append('\t').append(String.format(locale, "%t" + letter, at));
          }
        }
        case "X" -> {
          ZonedDateTime at = Instant.parse(f[1]).atZone(ZoneId.of(f[2]));
          out.append('\t').append(render(f[4], at, Locale.forLanguageTag(f[3])));
        }
        case "D" -> out.append(duration(f[1], f[2], f[3], f[4]));
        default -> throw new IllegalArgumentException("unknown case kind: " + line);
      }
      out.append('\n');
    }
    System.out.print(escape(out.toString()));
  }

  /** "%Y" as "%tY" for every date/time letter, "%%" kept, then String.format with one argument each. */
  static String render(String text, ZonedDateTime at, Locale locale) {
    StringBuilder format = new StringBuilder();
    int conversions = 0;
    for (int i = 0; i < text.length(); i += 1) {
      char ch = text.charAt(i);
      if (ch == '%' && i + 1 < text.length() && LETTERS.indexOf(text.charAt(i + 1)) >= 0) {
        format.append("%t").append(text.charAt(i + 1));
        conversions += 1;
        i += 1;
      } else if (ch == '%' && i + 1 < text.length() && text.charAt(i + 1) == '%') {
        format.append("%%");
        i += 1;
      } else {
        format.append(ch);
      }
    }
    Object[] arguments = new Object[conversions];
    java.util.Arrays.fill(arguments, at);
    return String.format(locale, format.toString(), arguments);
  }

  /** The period and duration of `text`, or null when Java refuses it. */
  static Object[] parse(String text) {
    String body = text;
    boolean negative = false;
    if (body.startsWith("-") || body.startsWith("+")) {
      negative = body.startsWith("-");
      body = body.substring(1);
    }
    if (body.isEmpty() || Character.toUpperCase(body.charAt(0)) != 'P') return null;
    int t = -1;
    for (int i = 0; i < body.length() && t < 0; i += 1) {
      if (body.charAt(i) == 'T' || body.charAt(i) == 't') t = i;
    }
    String datePart = t < 0 ? body.substring(1) : body.substring(1, t);
    String timePart = t < 0 ? null : body.substring(t + 1);
    if (datePart.isEmpty() && timePart == null) return null;
    String sign = negative ? "-" : "";
    try {
      Period period = datePart.isEmpty() ? Period.ZERO : Period.parse(sign + "P" + datePart);
      Duration duration = timePart == null ? Duration.ZERO : Duration.parse(sign + "PT" + timePart);
      return new Object[] {period, duration};
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * "<TAB>accepted years months days seconds nanos canonical-same added" for an accepted text, or
   * "<TAB>refused" for a refused one. `added` is the epoch second and nanosecond where start + text
   * lands, or "out-of-range".
   */
  static String duration(String text, String canonical, String start, String zone) {
    Object[] parsed = parse(text);
    if (parsed == null) return "\trefused";
    Period period = (Period) parsed[0];
    Duration duration = (Duration) parsed[1];
    StringBuilder b = new StringBuilder("\taccepted");
    b.append('\t').append(period.getYears()).append('\t').append(period.getMonths()).append('\t')
        .append(period.getDays()).append('\t').append(duration.getSeconds()).append('\t')
        .append(duration.getNano());
    Object[] again = canonical.isEmpty() ? null : parse(canonical);
    boolean same = again != null && again[0].equals(period) && again[1].equals(duration);
    b.append('\t').append(canonical.isEmpty() ? "-" : String.valueOf(same));
    try {
      ZonedDateTime end = Instant.parse(start).atZone(ZoneId.of(zone)).plus(period).plus(duration);
      Instant instant = end.toInstant();
      b.append('\t').append(instant.getEpochSecond()).append('.').append(instant.getNano());
    } catch (DateTimeException | ArithmeticException e) {
      b.append("\tout-of-range");
    }
    return b.toString();
  }

  /** Non-ASCII characters as \\uXXXX, so the output does not depend on the console's encoding. */
  static String escape(String text) {
    StringBuilder b = new StringBuilder();
    for (char ch : text.toCharArray()) {
      if (ch == '\\') b.append("\\\\");
      else if (ch > 0x7e) b.append(String.format("\\u%04x", (int) ch));
      else b.append(ch);
    }
    return b.toString();
  }
}
