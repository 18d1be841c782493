import { createRandom, type Random } from './random.js';

/** Hands out 32-character lower-case hex IDs, the shape Identity Security Cloud uses. */
export interface IdFactory {
  /** The next ID of the stream; the sequence depends only on the seed. */
  next(): string;
}

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/** Four 32-bit words from a generator, as one 32-hex ID. */
export function hexId(random: Random): string {
  return (
    hex8(random.uint32()) + hex8(random.uint32()) + hex8(random.uint32()) + hex8(random.uint32())
  );
}

/**
 * Creates a reproducible ID stream. Separate streams (one per purpose, `stream` 1, 2, ...) keep
 * seed data stable when the number of runtime objects changes.
 */
export function createIdFactory(seed: number, stream: number): IdFactory {
  const random = createRandom((seed * 31 + stream * 0x9e3779b1) | 0);
  return { next: () => hexId(random) };
}
