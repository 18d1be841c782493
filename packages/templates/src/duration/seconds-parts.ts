/** The whole seconds and the nanoseconds of a non-negative `seconds` value. */
export interface SecondsParts {
  readonly whole: number;
  readonly nanoseconds: number;
}

/**
 * Splits `seconds` at the decimal point, rounded to the nanosecond. Working from the decimal text keeps
 * 0.1 as 100,000,000 ns (multiplying by 1e9 gives 100,000,000.00000001).
 */
export function splitSeconds(seconds: number): SecondsParts {
  const [whole = '0', fraction = '0'] = seconds.toFixed(9).split('.');
  return { whole: Number(whole), nanoseconds: Number(fraction) };
}
