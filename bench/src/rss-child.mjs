// Iterates (without collecting) `maxItems` access review items through isc.paginate and prints the
// process's peak resident set size in KiB. Run in a fresh process per measurement.
import { createIscClient } from '@isc-sdk/client';

const [baseUrl, maxItemsText] = process.argv.slice(2);
const maxItems = Number(maxItemsText);
const isc = createIscClient({ baseUrl, auth: { accessToken: 'bench-token' } });
let seen = 0;
let decided = 0;
for await (const item of isc.paginate('/certifications/{id}/access-review-items', {
  params: { path: { id: 'cert-50k' } },
  maxItems,
})) {
  seen += 1;
  if (item.decision) decided += 1;
}
if (seen !== maxItems) throw new Error(`iterated ${seen} items, expected ${maxItems}`);
process.stdout.write(
  `${JSON.stringify({ seen, decided, maxRssKiB: process.resourceUsage().maxRSS })}\n`,
);
