// Streaming the items of a page without keeping the ones already handed out.

/**
 * Yields the first `count` items of a page nobody else sees, dropping each from the array as it goes.
 * Every step of an async iteration allocates, so young-generation collections run while a page is
 * being consumed; a page that stayed whole until its last item survived them, was promoted, and made
 * peak memory grow with the number of items iterated.
 */
export function* releasing<Item>(
  items: (Item | undefined)[],
  count = items.length,
): Generator<Item> {
  for (let index = 0; index < count; index++) {
    const item = items[index] as Item;
    items[index] = undefined;
    yield item;
  }
}
