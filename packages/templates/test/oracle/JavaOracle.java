// Ground truth for the templates package, computed by a real JVM.
//
// The SailPoint backend is a Java service, so this program asks Java itself what
// `String.format("%t<letter>", zonedDateTime)` prints and what `ZonedDateTime.plus(Period).plus(Duration)`
// lands on. Its output is committed as java-expectations.json and read by the tests; the tests never run
// Java. Regenerate after changing the cases below (JDK 17 or newer):
//
//   pnpm --filter @isc-sdk/templates oracle:java
//
// The JSON writer escapes every non-ASCII character so the output does not depend on the console encoding.

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public class JavaOracle {
  // Every java.util.Formatter date/time suffix letter.
  static final String LETTERS = "YyCmdeBbhAajHIklMSLNpzZsQRTrDFc";
  // Letters whose output depends on the locale.
  static final String LOCALE_LETTERS = "BbhAapZrc";

  static final String[] INSTANTS = {
    "1969-07-20T20:17:00Z",
    "2020-01-01T00:00:00Z",
    "2024-02-29T13:05:09.123456789Z",
    "2024-03-10T07:30:00Z",
    "2024-07-04T16:00:00.5Z",
    "2024-10-27T00:59:59.999Z",
    "2000-12-31T23:59:59.999Z",
    "0099-05-06T07:08:09Z",
  };
  static final String[] ZONES = {"UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata"};
  static final String[] OTHER_LOCALES = {"de-DE", "fr-FR", "ja-JP"};

  // Zones for the %tZ / %tz table (en-US, one winter and one summer instant): fixed offsets, and the
  // zones of the world's large business centres.
  static final String[] NAMED_ZONES = {
    "Z", "+05:30", "-08:00", "UTC", "GMT", "America/New_York", "America/Chicago", "America/Denver",
    "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Toronto",
    "America/Mexico_City", "America/Sao_Paulo", "Europe/London", "Europe/Dublin", "Europe/Berlin",
    "Europe/Paris", "Europe/Madrid", "Europe/Athens", "Europe/Helsinki", "Europe/Istanbul",
    "Europe/Moscow", "Africa/Johannesburg", "Africa/Lagos", "Africa/Nairobi", "Asia/Dubai",
    "Asia/Kolkata", "Asia/Singapore", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Tokyo", "Asia/Seoul",
    "Asia/Jakarta", "Australia/Sydney", "Australia/Perth", "Pacific/Auckland",
  };
  static final String[] NAMED_ZONE_INSTANTS = {"2024-01-15T12:00:00Z", "2024-07-15T12:00:00Z"};

  // Whole texts with several placeholders, written the SailPoint way (`%Y`, not `%tY`): month ends, leap
  // days, year ends and the daylight-saving changes of 2024 in New York and Berlin, to the second.
  // instant, zone, locale, text
  static final String[][] TEXTS = {
    {"2023-01-31T12:00:00Z", "UTC", "en-US", "%F %j %a %A %e %B %b"},
    {"2023-02-28T12:00:00Z", "UTC", "en-US", "%F %j %a %A %e %B %b"},
    {"2023-03-01T12:00:00Z", "UTC", "en-US", "%F %j %a %A %e %B %b"},
    {"2024-02-29T12:00:00Z", "UTC", "en-US", "%F %j %a %A %e %B %b"},
    {"2024-03-01T12:00:00Z", "UTC", "en-US", "%F %j %a %A %e %B %b"},
    {"2024-04-30T12:00:00Z", "UTC", "en-US", "%F %j %a %A %e %B %b"},
    {"2023-12-31T23:59:59Z", "UTC", "en-US", "%F %j %T %D %y %C"},
    {"2024-12-31T23:59:59Z", "UTC", "en-US", "%F %j %T %D %y %C"},
    {"2000-02-29T00:00:00Z", "UTC", "en-US", "%F %j %A"},
    {"1900-02-28T00:00:00Z", "UTC", "en-US", "%F %j %A"},
    {"2024-02-29T23:30:00Z", "America/New_York", "en-US", "%F %j %A %T %Z"},
    {"2024-02-29T23:30:00Z", "Europe/Berlin", "de-DE", "%F %j %A %T %Z"},
    {"2024-03-10T06:59:59Z", "America/New_York", "en-US", "%F %T %Z %z %r %s"},
    {"2024-03-10T07:00:00Z", "America/New_York", "en-US", "%F %T %Z %z %r %s"},
    {"2024-11-03T05:59:59Z", "America/New_York", "en-US", "%F %T %Z %z %r %s"},
    {"2024-11-03T06:00:00Z", "America/New_York", "en-US", "%F %T %Z %z %r %s"},
    {"2024-11-03T06:30:00Z", "America/New_York", "en-US", "%F %T %Z %z %r %s"},
    {"2024-03-31T00:59:59Z", "Europe/Berlin", "en-US", "%F %T %Z %z %R %Q"},
    {"2024-03-31T01:00:00Z", "Europe/Berlin", "en-US", "%F %T %Z %z %R %Q"},
    {"2024-10-27T00:59:59Z", "Europe/Berlin", "en-US", "%F %T %Z %z %R %Q"},
    {"2024-10-27T01:00:00Z", "Europe/Berlin", "de-DE", "%F %T %Z %z %R %Q"},
    {"2024-10-27T01:30:00Z", "Europe/Berlin", "de-DE", "%F %T %Z %z %R %Q"},
    {"2020-03-16T09:00:00Z", "UTC", "en-US", "%Y-%m-%d Manager Review"},
    {"2020-06-01T00:00:00Z", "UTC", "en-US", "Campaign for %y (100%% of %Y)"},
    {"1969-07-20T20:17:00Z", "America/New_York", "en-US", "%c"},
    {"2024-07-04T16:00:00Z", "Europe/Berlin", "fr-FR", "%c | %p"},
  };

  // start instant, zone, ISO-8601 duration
  static final String[][] ADDITIONS = {
    {"2020-01-01T00:00:00Z", "UTC", "P2W"},
    {"2020-01-01T00:00:00Z", "UTC", "P14D"},
    {"2020-01-01T00:00:00Z", "UTC", "P1M"},
    {"2020-01-01T00:00:00Z", "UTC", "PT0S"},
    {"2020-01-31T12:00:00Z", "UTC", "P1M"},
    {"2021-01-31T12:00:00Z", "UTC", "P1M"},
    {"2020-01-31T12:00:00Z", "UTC", "P2M"},
    {"2020-01-31T12:00:00Z", "UTC", "P1M1D"},
    {"2020-03-31T12:00:00Z", "UTC", "P1M"},
    {"2020-03-31T12:00:00Z", "UTC", "-P1M"},
    {"2020-05-31T12:00:00Z", "UTC", "P1Y1M"},
    {"2020-02-29T12:00:00Z", "UTC", "P1Y"},
    {"2020-02-29T12:00:00Z", "UTC", "P4Y"},
    {"2019-02-28T12:00:00Z", "UTC", "P1Y"},
    {"2020-12-31T23:59:59Z", "UTC", "PT1S"},
    {"2020-01-01T00:00:00Z", "UTC", "P1Y2M3DT4H5M6.5S"},
    {"2020-01-01T00:00:00Z", "UTC", "P1W2D"},
    {"2020-01-01T00:00:00Z", "UTC", "-P1W2D"},
    {"2024-01-31T05:00:00Z", "America/New_York", "P1M"},
    {"2024-03-09T17:00:00Z", "America/New_York", "P1D"},
    {"2024-03-09T17:00:00Z", "America/New_York", "PT24H"},
    {"2024-03-09T07:30:00Z", "America/New_York", "P1D"},
    {"2024-03-09T07:00:00Z", "America/New_York", "P1D"},
    {"2024-03-09T06:30:00Z", "America/New_York", "P1DT1H"},
    {"2024-03-01T17:00:00Z", "America/New_York", "P2W"},
    {"2024-03-01T17:00:00Z", "America/New_York", "PT336H"},
    {"2024-11-02T16:00:00Z", "America/New_York", "P1D"},
    {"2024-11-02T16:00:00Z", "America/New_York", "PT24H"},
    {"2024-11-02T05:30:00Z", "America/New_York", "P1D"},
    {"2024-01-03T06:30:00Z", "America/New_York", "P10M"},
    {"2024-11-04T06:30:00Z", "America/New_York", "-P1D"},
    {"2024-11-03T06:30:00Z", "America/New_York", "PT36H"},
    {"2024-03-10T16:00:00Z", "America/New_York", "-P1D"},
    {"2024-03-10T16:00:00Z", "America/New_York", "-PT24H"},
    {"2024-03-30T11:00:00Z", "Europe/Berlin", "P1D"},
    {"2024-03-30T11:00:00Z", "Europe/Berlin", "PT24H"},
    {"2024-03-30T01:30:00Z", "Europe/Berlin", "P1D"},
    {"2024-10-26T11:00:00Z", "Europe/Berlin", "P1D"},
    {"2024-10-26T11:00:00Z", "Europe/Berlin", "PT24H"},
    {"2024-10-26T00:30:00Z", "Europe/Berlin", "P1D"},
    {"2024-01-27T01:30:00Z", "Europe/Berlin", "P9M"},
    {"2024-01-30T23:30:00Z", "Europe/Berlin", "P1M"},
    {"2023-01-30T23:30:00Z", "Europe/Berlin", "P1M"},
    {"2024-02-28T23:30:00Z", "Europe/Berlin", "P1Y"},
    {"2024-03-31T00:30:00Z", "Europe/Berlin", "P1DT12H"},
    {"2024-12-31T23:30:00Z", "Europe/Berlin", "P1Y2M3DT4H5M6.5S"},
  };

  public static void main(String[] args) {
    StringBuilder out = new StringBuilder();
    out.append("{\n  \"java\": ").append(str(System.getProperty("java.version")));
    out.append(",\n  \"placeholders\": [\n");
    List<String> rows = new ArrayList<>();
    for (String instantText : INSTANTS) {
      Instant instant = Instant.parse(instantText);
      for (String zone : ZONES) {
        ZonedDateTime at = instant.atZone(ZoneId.of(zone));
        for (char letter : LETTERS.toCharArray()) {
          rows.add(placeholderRow(instantText, zone, "en-US", letter, at));
        }
        for (String locale : OTHER_LOCALES) {
          for (char letter : LOCALE_LETTERS.toCharArray()) {
            rows.add(placeholderRow(instantText, zone, locale, letter, at));
          }
        }
      }
    }
    out.append(String.join(",\n", rows)).append("\n  ],\n  \"zoneNames\": [\n");
    rows.clear();
    for (String zone : NAMED_ZONES) {
      for (String instantText : NAMED_ZONE_INSTANTS) {
        ZonedDateTime at = Instant.parse(instantText).atZone(ZoneId.of(zone));
        rows.add("    {\"instant\": " + str(instantText) + ", \"timeZone\": " + str(zone) + ", \"Z\": "
            + str(String.format(Locale.US, "%tZ", at)) + ", \"z\": " + str(String.format(Locale.US, "%tz", at)) + "}");
      }
    }
    out.append(String.join(",\n", rows)).append("\n  ],\n  \"texts\": [\n");
    rows.clear();
    for (String[] c : TEXTS) {
      ZonedDateTime at = Instant.parse(c[0]).atZone(ZoneId.of(c[1]));
      String javaFormat = c[3].replaceAll("%([A-Za-z])", "%t$1");
      String want = String.format(Locale.forLanguageTag(c[2]), javaFormat, repeat(at, javaFormat));
      rows.add("    {\"instant\": " + str(c[0]) + ", \"timeZone\": " + str(c[1]) + ", \"locale\": "
          + str(c[2]) + ", \"text\": " + str(c[3]) + ", \"want\": " + str(want) + "}");
    }
    out.append(String.join(",\n", rows)).append("\n  ],\n  \"additions\": [\n");
    rows.clear();
    for (String[] c : ADDITIONS) {
      ZonedDateTime start = Instant.parse(c[0]).atZone(ZoneId.of(c[1]));
      ZonedDateTime end = plus(start, c[2]);
      rows.add("    {\"start\": " + str(c[0]) + ", \"timeZone\": " + str(c[1]) + ", \"duration\": "
          + str(c[2]) + ", \"startZoned\": " + str(start.toString()) + ", \"wantZoned\": "
          + str(end.toString()) + ", \"wantEpochMilliseconds\": " + end.toInstant().toEpochMilli() + "}");
    }
    out.append(String.join(",\n", rows)).append("\n  ]\n}\n");
    System.out.print(out);
  }

  static String placeholderRow(String instant, String zone, String locale, char letter, ZonedDateTime at) {
    String got = String.format(Locale.forLanguageTag(locale), "%t" + letter, at);
    return "    {\"instant\": " + str(instant) + ", \"timeZone\": " + str(zone) + ", \"locale\": "
        + str(locale) + ", \"letter\": " + str(String.valueOf(letter)) + ", \"want\": " + str(got) + "}";
  }

  // One argument per %t conversion in `format`, all the same date-time.
  static Object[] repeat(ZonedDateTime at, String format) {
    int count = format.split("%t", -1).length - 1;
    Object[] args = new Object[count];
    java.util.Arrays.fill(args, at);
    return args;
  }

  // Adds the date part as a java.time.Period and then the time part as a java.time.Duration, which is how a
  // Java service adds an ISO-8601 duration that has both parts.
  static ZonedDateTime plus(ZonedDateTime start, String iso) {
    boolean negative = iso.startsWith("-");
    String body = negative ? iso.substring(1) : iso;
    int t = body.indexOf('T');
    String datePart = t < 0 ? body : body.substring(0, t);
    String timePart = t < 0 ? "" : body.substring(t + 1);
    ZonedDateTime result = start;
    if (!datePart.equals("P")) {
      result = result.plus(Period.parse((negative ? "-" : "") + datePart));
    }
    if (!timePart.isEmpty()) {
      result = result.plus(Duration.parse((negative ? "-" : "") + "PT" + timePart));
    }
    return result;
  }

  static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') b.append('\\').append(ch);
      else if (ch < 0x20 || ch > 0x7e) b.append(String.format("\\u%04x", (int) ch));
      else b.append(ch);
    }
    return b.append('"').toString();
  }
}
