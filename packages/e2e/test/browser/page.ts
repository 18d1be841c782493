// The script of the browser test page, bundled by esbuild for the browser (the client's `browser`
// export condition). It runs typed calls against the mock tenant on another loopback origin and
// publishes what it saw on `window.iscResult`.
import { createIscClient, unwrap } from '@isc-sdk/client';
import { filterFor } from '@isc-sdk/filters';

interface PageConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

declare global {
  interface Window {
    iscConfig: PageConfig;
    iscResult?:
      | { ok: true; templates: number; pagedItems: number; searchHits: number; firstHit: string }
      | { ok: false; error: string };
  }
}

async function main(): Promise<void> {
  const { baseUrl, clientId, clientSecret } = window.iscConfig;
  const isc = createIscClient({ baseUrl, auth: { clientId, clientSecret } });

  // A token exchange happens on the first call.
  const templates = await unwrap(
    isc.GET('/campaign-templates', { params: { query: { limit: 5 } } }),
  );

  // A paged list, two items per page so several pages are fetched.
  const f = filterFor('listIdentityCertifications');
  const certifications = await unwrap(
    isc.GET('/certifications', { params: { query: { filters: f.eq('phase', 'ACTIVE') } } }),
  );
  const certificationId = certifications[0]?.id;
  if (!certificationId) throw new Error('the tenant has no active certification');
  let pagedItems = 0;
  for await (const page of isc
    .paginate('/certifications/{id}/access-review-items', {
      params: { path: { id: certificationId }, query: { limit: 2 } },
      maxItems: 9,
    })
    .pages()) {
    pagedItems += page.items.length;
  }

  // A search.
  const hits = [];
  for await (const identity of isc.searchAll(
    { indices: ['identities'], query: { query: '*' } },
    { maxItems: 3 },
  )) {
    hits.push(identity);
  }
  window.iscResult = {
    ok: true,
    templates: templates.length,
    pagedItems,
    searchHits: hits.length,
    firstHit: hits[0]?._type ?? 'none',
  };
}

main().catch((error: unknown) => {
  window.iscResult = {
    ok: false,
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
});
