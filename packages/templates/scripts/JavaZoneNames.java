// Prints the short zone names Java's java.util.Formatter uses for `%tZ` in Locale.US: one line per zone
// ID known to the JDK, "id<TAB>standard name<TAB>daylight name". Read by generate-zone-names.mjs.
//
//   java scripts/JavaZoneNames.java   (JDK 17 or newer)

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

public class JavaZoneNames {
  public static void main(String[] args) {
    List<String> ids = new ArrayList<>(ZoneId.getAvailableZoneIds());
    Collections.sort(ids);
    StringBuilder out = new StringBuilder();
    out.append("#java\t").append(System.getProperty("java.version")).append('\n');
    for (String id : ids) {
      if (id.startsWith("SystemV/")) continue;
      TimeZone zone = TimeZone.getTimeZone(ZoneId.of(id));
      out.append(id).append('\t')
          .append(zone.getDisplayName(false, TimeZone.SHORT, Locale.US)).append('\t')
          .append(zone.getDisplayName(true, TimeZone.SHORT, Locale.US)).append('\n');
    }
    System.out.print(out);
  }
}
