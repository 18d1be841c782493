/** Every count of a Duration at zero, to spread a test's own fields over (the sign is the test's). */
export const ZERO_FIELDS = {
  years: 0,
  months: 0,
  weeks: 0,
  days: 0,
  hours: 0,
  minutes: 0,
  seconds: 0,
  nanoseconds: 0,
} as const;
