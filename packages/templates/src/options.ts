/** Options for functions that work on wall-clock dates and times. */
export interface TimeZoneOptions {
  /**
   * The time zone whose calendar and clock are used: an IANA name (`'America/New_York'`), `'Z'`, or a
   * fixed offset (`'+05:30'`, `'+0530'`, `'+05'`). The API does not say which zone SailPoint uses when it
   * generates a campaign; UTC is this package's assumption.
   * @default 'UTC'
   */
  readonly timeZone?: string;
}

/** Options for functions that write month names, weekday names and the like. */
export interface LocaleOptions {
  /**
   * The BCP 47 language tag for names (`%B`, `%a`, `%p`, `%Z`, …). Numbers are always written with the
   * ASCII digits 0-9. A well-formed tag the runtime has no data for falls back to `'en-US'`.
   * @default 'en-US'
   */
  readonly locale?: string;
}
