// A full garbage collection on demand, for the tests that check what the client keeps alive. Node
// exposes `gc` only behind a flag; setting the flag at run time makes it available to a new context.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Waits for the current job to end (WeakRef targets stay alive until then), then collects. */
export async function collectGarbage(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
}
