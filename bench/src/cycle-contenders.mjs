#!/usr/bin/env node
// The jobs of the rate-limited benchmark sections, each run in a child process of its own (fresh
// module state: no shared pacer, no axios interceptors left over from another contender) against a
// mock tenant that the parent runs. `node cycle-contenders.mjs '<json>'` runs one job and prints its
// result as one line of JSON.
//
// The certification cycle, the same for every contender: list the campaign's certifications, then,
// for `workers` certifications at a time, list every review item, decide every item and sign the
// certification off. A call that still fails after the library's own handling is counted and the
// job goes on (a real script would stop at the first one and leave even more undone).
import { createIscClient, decideAll, isIscApiError } from '@isc-sdk/client';

/** Runs `work` over `items` with at most `width` in flight. */
async function pool(items, width, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The decision for the item at `index`: every tenth is revoked, the rest approved. */
const decisionFor = (id, index) => ({
  id,
  decision: index % 10 === 0 ? 'REVOKE' : 'APPROVE',
  bulk: true,
});

const certificationFilter = (campaignId) => `campaign.id eq "${campaignId}"`;

/** Counts what a job did, as the caller saw it. */
function tally() {
  return {
    /** Logical calls the job made (one per page, decide batch, sign-off). */
    calls: 0,
    /** Calls that ended in an error after the library's own retries. */
    failed: 0,
    /** Of those, the ones that ended in a 429. */
    surfaced429: 0,
    itemsListed: 0,
    decisionsSent: 0,
    certificationsSigned: 0,
    /** The first few failures, for the log. */
    examples: [],
  };
}

function fail(counts, status, what) {
  counts.failed += 1;
  if (status === 429) counts.surfaced429 += 1;
  if (counts.examples.length < 3) counts.examples.push(`${what}: ${status ?? 'no response'}`);
}

/** @isc-sdk/client: paginate for listing, decideAll for deciding, pacing at the tenant's limit. */
async function clientCycle(input, counts) {
  const isc = createIscClient({
    baseUrl: input.baseUrl,
    auth: { clientId: input.clientId, clientSecret: input.clientSecret },
    rateLimit: input.rateLimit,
  });
  const statusOf = (error) => (isIscApiError(error) ? error.status : undefined);
  // count=true lets paginate stop at the total instead of asking for an empty page after a full one.
  const pages = async (path, init, onItem) => {
    try {
      for await (const page of isc.paginate(path, init).pages()) {
        counts.calls += 1;
        for (const item of page.items) onItem(item);
      }
      return true;
    } catch (error) {
      counts.calls += 1;
      fail(counts, statusOf(error), path);
      return false;
    }
  };
  const certifications = [];
  await pages(
    '/certifications',
    { params: { query: { filters: certificationFilter(input.campaignId), count: true } } },
    (certification) => certifications.push(certification.id),
  );
  await pool(certifications, input.workers, async (id) => {
    const itemIds = [];
    const listed = await pages(
      '/certifications/{id}/access-review-items',
      { params: { path: { id }, query: { count: true } } },
      (item) => itemIds.push(item.id),
    );
    counts.itemsListed += itemIds.length;
    if (!listed) return;
    const report = await decideAll(isc, id, itemIds.map(decisionFor));
    counts.calls += report.batches.length;
    counts.decisionsSent += itemIds.length;
    for (const batch of report.batches) {
      if (batch.status !== 'done') fail(counts, statusOf(batch.error), 'decide');
    }
    if (!report.ok) return;
    counts.calls += 1;
    const signed = await isc.POST('/certifications/{id}/sign-off', {
      params: { path: { id } },
    });
    if (signed.response.ok) counts.certificationsSigned += 1;
    else fail(counts, signed.response.status, 'sign-off');
  });
}

/**
 * What a competent user writes by hand: one token request, then `workers` concurrent workers; on a
 * 429 a call sleeps for `Retry-After` seconds and tries again, at most 5 attempts in all.
 */
async function rawCycle(input, counts) {
  const maxAttempts = 5;
  const tokenResponse = await fetch(input.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: input.clientId,
      client_secret: input.clientSecret,
    }),
  });
  if (!tokenResponse.ok) throw new Error(`token request answered ${tokenResponse.status}`);
  const { access_token: token } = await tokenResponse.json();
  const headers = {
    authorization: `Bearer ${token}`,
    accept: 'application/json',
    'content-type': 'application/json',
  };
  /** One call: resolves with the response (body read) or undefined when it failed. */
  const call = async (method, path, body) => {
    counts.calls += 1;
    for (let attempt = 1; ; attempt += 1) {
      const response = await fetch(`${input.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status === 429 && attempt < maxAttempts) {
        await sleep((Number(response.headers.get('retry-after')) || 1) * 1000);
        continue;
      }
      if (!response.ok) {
        fail(counts, response.status, `${method} ${path}`);
        return undefined;
      }
      return { response, data: text ? JSON.parse(text) : undefined };
    }
  };
  /** Every item of a list operation, or undefined when a page failed. */
  const list = async (path, query = {}) => {
    const all = [];
    for (let offset = 0; ; offset += 250) {
      const search = new URLSearchParams({ ...query, limit: 250, offset, count: true });
      const result = await call('GET', `${path}?${search}`);
      if (!result) return undefined;
      all.push(...result.data);
      const total = Number(result.response.headers.get('x-total-count'));
      if (result.data.length < 250 || all.length >= total) return all;
    }
  };
  const certifications =
    (await list('/certifications', { filters: certificationFilter(input.campaignId) })) ?? [];
  await pool(certifications, input.workers, async ({ id }) => {
    const items = await list(`/certifications/${id}/access-review-items`);
    if (!items) return;
    counts.itemsListed += items.length;
    const ids = items.map((item) => item.id);
    let decided = true;
    for (let from = 0; from < ids.length; from += 250) {
      const batch = ids.slice(from, from + 250).map((itemId, i) => decisionFor(itemId, from + i));
      counts.decisionsSent += batch.length;
      if (!(await call('POST', `/certifications/${id}/decide`, batch))) decided = false;
    }
    if (decided && (await call('POST', `/certifications/${id}/sign-off`))) {
      counts.certificationsSigned += 1;
    }
  });
}

/**
 * The official SDK as its README shows it: `new Configuration()` reads SAIL_BASE_URL,
 * SAIL_CLIENT_ID and SAIL_CLIENT_SECRET (token URL: the base URL + /oauth/token), then one API class.
 * Its axios-retry is left at its defaults unless `retry429` is set, in which case the job gives it
 * the retry settings a user would add after seeing 429s: retry a 429 up to 5 times after its
 * Retry-After (axios-retry 3 has no Retry-After support of its own).
 */
async function officialCycle(input, counts, { retry429 }) {
  // The SDK routes requests through proxy-agent, which honours *_PROXY variables: keep loopback direct.
  process.env.NO_PROXY = [process.env.NO_PROXY, '127.0.0.1'].filter(Boolean).join(',');
  process.env.SAIL_BASE_URL = input.origin;
  process.env.SAIL_CLIENT_ID = input.clientId;
  process.env.SAIL_CLIENT_SECRET = input.clientSecret;
  const { CertificationsApi, Configuration } = await import('sailpoint-api-client');
  const configuration = new Configuration();
  if (retry429) {
    configuration.retriesConfig = {
      retries: 4,
      retryCondition: (error) => error.response?.status === 429,
      retryDelay: (_count, error) => (Number(error.response?.headers?.['retry-after']) || 1) * 1000,
    };
  }
  const api = new CertificationsApi(configuration);
  /** One call: resolves with the axios response, or undefined when it failed. */
  const call = async (what, send) => {
    counts.calls += 1;
    try {
      return await send();
    } catch (error) {
      fail(counts, error?.response?.status, what);
      return undefined;
    }
  };
  const list = async (what, send) => {
    const all = [];
    for (let offset = 0; ; offset += 250) {
      const result = await call(what, () => send({ limit: 250, offset, count: true }));
      if (!result) return undefined;
      all.push(...result.data);
      const total = Number(result.headers['x-total-count']);
      if (result.data.length < 250 || all.length >= total) return all;
    }
  };
  const certifications =
    (await list('listIdentityCertifications', (page) =>
      api.listIdentityCertifications({ ...page, filters: certificationFilter(input.campaignId) }),
    )) ?? [];
  await pool(certifications, input.workers, async ({ id }) => {
    const items = await list('listIdentityAccessReviewItems', (page) =>
      api.listIdentityAccessReviewItems({ ...page, id }),
    );
    if (!items) return;
    counts.itemsListed += items.length;
    const ids = items.map((item) => item.id);
    let decided = true;
    for (let from = 0; from < ids.length; from += 250) {
      const batch = ids.slice(from, from + 250).map((itemId, i) => decisionFor(itemId, from + i));
      counts.decisionsSent += batch.length;
      const result = await call('makeIdentityDecision', () =>
        api.makeIdentityDecision({ id, reviewDecision: batch }),
      );
      if (!result) decided = false;
    }
    if (!decided) return;
    const signed = await call('signOffIdentityCertification', () =>
      api.signOffIdentityCertification({ id }),
    );
    if (signed) counts.certificationsSigned += 1;
  });
}

/**
 * The acceptance check's load: `calls` createCampaign calls (not idempotent, so a call sent twice
 * would show as a campaign too many) at `concurrency`, through @isc-sdk/client with `rateLimit`.
 */
async function callsJob(input, counts) {
  let retries = 0;
  const isc = createIscClient({
    baseUrl: input.baseUrl,
    auth: { clientId: input.clientId, clientSecret: input.clientSecret },
    rateLimit: input.rateLimit,
    logger: { warn: (event) => (retries += event.type === 'retry' ? 1 : 0) },
  });
  const body = { name: 'Paced', description: 'acceptance check', type: 'MANAGER' };
  await pool(Array.from({ length: input.calls }), input.concurrency, async () => {
    counts.calls += 1;
    const { response } = await isc.POST('/campaigns', { body });
    if (response.status !== 202) fail(counts, response.status, 'createCampaign');
  });
  counts.clientRetries = retries;
}

const jobs = {
  client: clientCycle,
  raw: rawCycle,
  official: (input, counts) => officialCycle(input, counts, { retry429: false }),
  'official-retry': (input, counts) => officialCycle(input, counts, { retry429: true }),
  calls: callsJob,
};

const input = JSON.parse(process.argv[2] ?? '{}');
const job = jobs[input.job];
if (!job) throw new Error(`unknown job ${input.job}; expected one of ${Object.keys(jobs)}`);
const counts = tally();
const start = performance.now();
await job(input, counts);
const wallMs = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ...counts, wallMs })}\n`);
