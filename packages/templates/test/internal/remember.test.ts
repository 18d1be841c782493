import { describe, expect, test } from 'vitest';
import { remember } from '../../src/internal/remember.js';

describe('remember: a cache whose size stays bounded', () => {
  test('makes each value once, then hands back the kept one', () => {
    const cache = new Map<string, number>();
    let made = 0;
    const make = (): number => (made += 1);
    expect(remember(cache, 4, 'a', make)).toBe(1);
    expect(remember(cache, 4, 'a', make)).toBe(1);
    expect(remember(cache, 4, 'b', make)).toBe(2);
    expect(made).toBe(2);
    expect([...cache]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  test('never holds more than the limit, whatever the number of keys', () => {
    const cache = new Map<number, number>();
    let largest = 0;
    for (let key = 0; key < 1000; key += 1) {
      expect(remember(cache, 10, key, () => key * 2)).toBe(key * 2);
      largest = Math.max(largest, cache.size);
    }
    expect(largest).toBe(10);
    expect(cache.size).toBeGreaterThan(0);
  });

  test('starts again from empty when full, keeping the new value', () => {
    const cache = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    expect(remember(cache, 2, 'c', () => 3)).toBe(3);
    expect([...cache]).toEqual([['c', 3]]);
  });
});
