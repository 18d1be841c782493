// Prints what java.util.Formatter needs to write `%tZ`, for generate-zone-data.mjs to turn into
// src/generated/java-zone-data.ts. Java 17 or newer; generate-zone-data.mjs compiles and runs it.
//
// Formatter writes TimeZone.getDisplayName(daylight, SHORT, locale), where `daylight` is
// ZoneRules.isDaylightSavings(instant): the offset at the instant differs from the zone's standard
// offset at that instant. So two facts per zone are printed:
//
//   Z <TAB> id <TAB> standard name <TAB> daylight name <TAB> pieces
//       The Locale.US names, and "pieces" that decide `daylight` from the wall-clock offset alone:
//       "start:offset" pairs (epoch seconds and seconds east of UTC, base 36), meaning "from start on,
//       daylight time applies exactly when the offset is larger than this". Before the first piece the
//       zone never keeps daylight time. The pieces are as few as the zone's history allows, and are
//       checked against isDaylightSavings at every transition before they are printed.
//   L <TAB> language tag <TAB> id <TAB> standard name <TAB> daylight name
//       For the locales of the languages given as arguments: the names where they differ from Locale.US
//       (digits written as ASCII, as the package writes every number).
//   S <TAB> agreeing <TAB> compared <TAB> locales
//       For every other locale of the JDK: how many zone names (standard and daylight, every zone) are
//       the Locale.US ones, which is what the package uses for those locales.
//
//   javac -d <dir> JavaZoneData.java && java -cp <dir> JavaZoneData en de fr ja ar

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;

public class JavaZoneData {
  static final long DAY = 86_400;
  static final long START = Instant.parse("1800-01-01T00:00:00Z").getEpochSecond();
  static final long END = Instant.parse("2300-01-01T00:00:00Z").getEpochSecond();

  public static void main(String[] args) {
    Set<String> languages = new HashSet<>(Arrays.asList(args));
    List<String> ids = new ArrayList<>(new TreeSet<>(ZoneId.getAvailableZoneIds()));
    ids.removeIf(id -> id.startsWith("SystemV/"));
    StringBuilder out = new StringBuilder();
    String tzdb = ZoneRulesProvider.getVersions("UTC").lastKey();
    out.append("#\t").append(System.getProperty("java.version")).append('\t').append(tzdb).append('\n');

    List<TimeZone> zones = new ArrayList<>();
    for (String id : ids) {
      TimeZone zone = TimeZone.getTimeZone(ZoneId.of(id));
      zones.add(zone);
      out.append("Z\t").append(id).append('\t').append(names(zone, Locale.US)).append('\t')
          .append(pieces(ZoneId.of(id).getRules())).append('\n');
    }

    long agreeing = 0;
    long compared = 0;
    int others = 0;
    for (Locale locale : Locale.getAvailableLocales()) {
      String tag = locale.toLanguageTag();
      if (tag.equals("und") || locale.hasExtensions() || !locale.getVariant().isEmpty()) continue;
      boolean listed = languages.contains(locale.getLanguage());
      if (!listed) others += 1;
      for (int i = 0; i < ids.size(); i += 1) {
        String local = names(zones.get(i), locale);
        String us = names(zones.get(i), Locale.US);
        if (listed) {
          if (!local.equals(us)) out.append("L\t").append(tag).append('\t').append(ids.get(i)).append('\t').append(local).append('\n');
        } else {
          String[] a = local.split("\t");
          String[] b = us.split("\t");
          for (int k = 0; k < 2; k += 1) if (a[k].equals(b[k])) agreeing += 1;
          compared += 2;
        }
      }
    }
    out.append("S\t").append(agreeing).append('\t').append(compared).append('\t').append(others).append('\n');
    System.out.print(escape(out.toString()));
  }

  /** "standard<TAB>daylight" short names in `locale`, digits as ASCII. */
  static String names(TimeZone zone, Locale locale) {
    return asciiDigits(zone.getDisplayName(false, TimeZone.SHORT, locale)) + '\t'
        + asciiDigits(zone.getDisplayName(true, TimeZone.SHORT, locale));
  }

  static String asciiDigits(String text) {
    StringBuilder b = new StringBuilder();
    text.codePoints().forEach(cp -> {
      if (Character.isDigit(cp)) b.append((char) ('0' + Character.digit(cp, 10)));
      else b.appendCodePoint(cp);
    });
    return b.toString();
  }

  /** The pieces described at the top, space-separated; empty for a zone that never keeps daylight time. */
  static String pieces(ZoneRules rules) {
    // Every instant where the offset or the standard offset changes, then the state after each.
    TreeSet<Long> changes = new TreeSet<>();
    Instant at = Instant.ofEpochSecond(START);
    for (ZoneOffsetTransition t = rules.nextTransition(at); t != null && t.getInstant().getEpochSecond() < END;
        t = rules.nextTransition(t.getInstant())) {
      changes.add(t.getInstant().getEpochSecond());
    }
    for (long day = START; day < END; day += DAY) {
      if (!standard(rules, day).equals(standard(rules, day + DAY))) changes.add(firstChange(rules, day, day + DAY));
    }
    List<long[]> periods = new ArrayList<>(); // start, offset, daylight (1 or 0)
    periods.add(new long[] {Long.MIN_VALUE, offset(rules, START - DAY), daylight(rules, START - DAY)});
    for (long start : changes) periods.add(new long[] {start, offset(rules, start), daylight(rules, start)});

    List<long[]> pieces = new ArrayList<>(); // start, threshold
    int first = 0;
    while (first < periods.size() && periods.get(first)[2] == 0) first += 1;
    if (first < periods.size()) {
      long start = periods.get(first)[0];
      long maxStandard = Long.MIN_VALUE;
      long minDaylight = Long.MAX_VALUE;
      for (int i = first; i < periods.size(); i += 1) {
        long[] p = periods.get(i);
        long nextMaxStandard = p[2] == 0 ? Math.max(maxStandard, p[1]) : maxStandard;
        long nextMinDaylight = p[2] == 1 ? Math.min(minDaylight, p[1]) : minDaylight;
        if (nextMaxStandard < nextMinDaylight) {
          maxStandard = nextMaxStandard;
          minDaylight = nextMinDaylight;
          continue;
        }
        pieces.add(new long[] {start, threshold(maxStandard, minDaylight)});
        start = p[0];
        maxStandard = p[2] == 0 ? p[1] : Long.MIN_VALUE;
        minDaylight = p[2] == 1 ? p[1] : Long.MAX_VALUE;
      }
      pieces.add(new long[] {start, threshold(maxStandard, minDaylight)});
    }
    check(rules, periods, pieces);
    StringBuilder b = new StringBuilder();
    for (long[] piece : pieces) {
      if (b.length() > 0) b.append(' ');
      b.append(Long.toString(piece[0], 36)).append(':').append(Long.toString(piece[1], 36));
    }
    return b.toString();
  }

  /** The standard offset of the stretch, or a minute below its smallest daylight offset if it has none. */
  static long threshold(long maxStandard, long minDaylight) {
    return maxStandard == Long.MIN_VALUE ? minDaylight - 60 : maxStandard;
  }

  /** Fails unless the pieces give isDaylightSavings for every period. */
  static void check(ZoneRules rules, List<long[]> periods, List<long[]> pieces) {
    for (long[] p : periods) {
      long instant = p[0] == Long.MIN_VALUE ? START - DAY : p[0];
      long threshold = Long.MAX_VALUE;
      for (long[] piece : pieces) if (piece[0] <= instant) threshold = piece[1];
      boolean got = threshold != Long.MAX_VALUE && p[1] > threshold;
      if (got != (p[2] == 1)) throw new IllegalStateException(rules + " at " + Instant.ofEpochSecond(instant));
    }
  }

  /** The first second in (from, to] whose standard offset differs from the one at `from`. */
  static long firstChange(ZoneRules rules, long from, long to) {
    Object before = standard(rules, from);
    long low = from;
    long high = to;
    while (high - low > 1) {
      long middle = low + (high - low) / 2;
      if (standard(rules, middle).equals(before)) low = middle;
      else high = middle;
    }
    return high;
  }

  static Object standard(ZoneRules rules, long epochSecond) {
    return rules.getStandardOffset(Instant.ofEpochSecond(epochSecond));
  }

  static long offset(ZoneRules rules, long epochSecond) {
    return rules.getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
  }

  static long daylight(ZoneRules rules, long epochSecond) {
    return rules.isDaylightSavings(Instant.ofEpochSecond(epochSecond)) ? 1 : 0;
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
