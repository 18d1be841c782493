import { describe, expect, test, vi } from 'vitest';
import * as templates from '../../src/index.js';
import { thrown } from '../support/thrown.js';

/** Each error class with its guard and a call that throws it. */
const cases = [
  ['DurationSyntaxError', templates.isDurationSyntaxError, () => templates.parseDuration('P')],
  [
    'InvalidDurationError',
    templates.isInvalidDurationError,
    () => templates.formatDuration({ ...templates.parseDuration('P1D'), days: -1 }),
  ],
  [
    'InvalidInstantError',
    templates.isInvalidInstantError,
    () => templates.addDuration('yesterday', 'P1D'),
  ],
  [
    'InvalidTimeZoneError',
    templates.isInvalidTimeZoneError,
    () => templates.addDuration(new Date(0), 'P1D', { timeZone: 'Atlantis' }),
  ],
  [
    'InvalidLocaleError',
    templates.isInvalidLocaleError,
    () => templates.renderPlaceholders('%B', new Date(0), { locale: 'no such tag' }),
  ],
  [
    'PlaceholderError',
    templates.isPlaceholderError,
    () => templates.renderPlaceholders('%q', new Date(0), { strict: true }),
  ],
  [
    'InvalidArgumentError',
    templates.isInvalidArgumentError,
    () => templates.renderPlaceholders(null as unknown as string, new Date(0)),
  ],
] as const;

describe('error hierarchy', () => {
  test.each(cases)('%s: literal name, base class, own guard only', (name, guard, run) => {
    const error = thrown(run);
    expect(error).toBeInstanceOf(templates.TemplatesError);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe(name);
    expect((error as Error).message.length).toBeGreaterThan(20);
    expect(templates.isTemplatesError(error)).toBe(true);
    expect(guard(error)).toBe(true);
    for (const [otherName, otherGuard] of cases) {
      if (otherName !== name) expect(otherGuard(error)).toBe(false);
    }
  });

  test('the base class can be thrown and caught as a TemplatesError', () => {
    const error = new templates.TemplatesError('base');
    expect(error.name).toBe('TemplatesError');
    expect(error.message).toBe('base');
    expect(templates.isTemplatesError(error)).toBe(true);
    expect(templates.isDurationSyntaxError(error)).toBe(false);
  });

  test('guards answer no for look-alikes and non-errors', () => {
    const lookAlike = Object.assign(new Error('x'), { name: 'DurationSyntaxError' });
    for (const value of [lookAlike, null, undefined, 'DurationSyntaxError', {}]) {
      expect(templates.isTemplatesError(value)).toBe(false);
      expect(templates.isDurationSyntaxError(value)).toBe(false);
    }
  });

  test('guards recognise errors from a second copy of the package, where instanceof fails', async () => {
    // A fresh module registry loads the package a second time, as two copies in node_modules would be.
    vi.resetModules();
    const copy = (await import('../../src/index.js')) as typeof templates;
    expect(copy.TemplatesError).not.toBe(templates.TemplatesError);
    const error = thrown(() => copy.parseDuration('P1H'));
    expect(error).not.toBeInstanceOf(templates.TemplatesError);
    expect(templates.isTemplatesError(error)).toBe(true);
    expect(templates.isDurationSyntaxError(error)).toBe(true);
    expect(templates.isPlaceholderError(error)).toBe(false);
  });
});
