// The rate-limited sections of `pnpm bench`: a certification cycle at scale under the gateway limit
// (every contender against a fresh mock tenant with the limit on), and the acceptance check
// (200 calls at concurrency 16 under 40 requests a second, with client pacing on and off).
//
// The tenant runs in this process; each contender runs in a child process (cycle-contenders.mjs),
// so no module state (the client's shared pacer, axios interceptors) carries over between them and
// the tenant's work is not billed to the contender.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createIscClient, unwrap } from '@isc-sdk/client';
import { startMockTenant } from '@isc-sdk/mock-tenant';
import { summarize } from './stats.mjs';

const contendersScript = fileURLToPath(new URL('./cycle-contenders.mjs', import.meta.url));

/** Runs one job of cycle-contenders.mjs in a child process and resolves to its result. */
function runJob(input) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [contendersScript, JSON.stringify(input)],
      { maxBuffer: 16 * 2 ** 20 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`${input.job} job failed: ${stderr.trim() || error.message}`));
          return;
        }
        const last = stdout.trim().split('\n').at(-1);
        resolve(JSON.parse(last));
      },
    );
  });
}

const sum = (values) => values.reduce((total, value) => total + value, 0);

/** API requests the tenant received (the token endpoint is not rate-limited and not counted). */
function apiRequests(stats) {
  return sum(Object.entries(stats.requests).map(([id, n]) => (id === 'oauthToken' ? 0 : n)));
}

/**
 * The least time `admitted` requests need at the limit's rate, in milliseconds:
 * admitted × windowMs / requests (the "requests made / allowed rate").
 */
export const boundMs = (admitted, limit) => (admitted * limit.windowMs) / limit.requests;

/**
 * A fresh tenant with the limit on and an ACTIVE MANAGER campaign: one certification per manager,
 * each with `itemsPerCertification` review items. The setup's own requests are then moved out of the
 * limit's window by advancing the tenant clock one window (nothing else in the tenant depends on a
 * few seconds: the deadline is a week away, tokens live 749 s), and the counters are reset.
 */
async function cycleTenant({ identities, itemsPerCertification, limit }) {
  let skew = 0;
  const tenant = await startMockTenant({
    size: { identities, reviewItemsPerCertification: itemsPerCertification },
    rateLimit: limit,
    now: () => Date.now() + skew,
  });
  const isc = createIscClient({
    baseUrl: tenant.baseUrl,
    auth: { clientId: tenant.clientId, clientSecret: tenant.clientSecret },
    rateLimit: limit,
  });
  const campaign = await unwrap(
    isc.POST('/campaigns', {
      body: {
        name: 'Cycle at scale',
        description: 'Managers review their reports',
        type: 'MANAGER',
        deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    }),
  );
  await unwrap(
    isc.POST('/campaigns/{id}/activate', { params: { path: { id: campaign.id } }, body: {} }),
  );
  const filters = `campaign.id eq "${campaign.id}"`;
  /** The campaign's certifications as the tenant holds them now (one request, at most 250). */
  const certifications = async () => {
    const list = await unwrap(
      isc.GET('/certifications', { params: { query: { filters, limit: 250, count: true } } }),
    );
    if (list.length >= 250) throw new Error('the cycle campaign has more than 250 certifications');
    return list;
  };
  const clearWindow = () => {
    skew += limit.windowMs;
  };
  const initial = await certifications();
  clearWindow();
  tenant.resetStats();
  return {
    tenant,
    campaignId: campaign.id,
    certificationCount: initial.length,
    itemCount: sum(initial.map((c) => c.decisionsTotal)),
    certifications,
    clearWindow,
  };
}

/** Runs one contender's cycle against a fresh tenant and checks, on the tenant, what it did. */
async function measureCycle(job, plan) {
  const setup = await cycleTenant(plan);
  const { tenant } = setup;
  const { limit } = plan;
  try {
    const before = tenant.stats();
    const result = await runJob({
      job,
      baseUrl: tenant.baseUrl,
      origin: tenant.origin,
      tokenUrl: tenant.tokenUrl,
      clientId: tenant.clientId,
      clientSecret: tenant.clientSecret,
      campaignId: setup.campaignId,
      rateLimit: limit,
      workers: plan.workers,
    });
    const after = tenant.stats();
    // The check's own request must not meet the contender's window.
    setup.clearWindow();
    const certifications = await setup.certifications();
    const decided = sum(certifications.map((c) => c.decisionsMade));
    const total = sum(certifications.map((c) => c.decisionsTotal));
    const made = apiRequests(after);
    const hits = after.rateLimitHits;
    const admitted = made - hits;
    return {
      job,
      wallMs: result.wallMs,
      boundMs: boundMs(admitted, limit),
      made,
      hits,
      surfaced429: result.surfaced429,
      failed: result.failed,
      // Each call is admitted once, except one refused with 429 to the end (never admitted).
      repeatedRequests: admitted - (result.calls - result.surfaced429),
      // decisionsRecorded counts every decision applied; decisionsMade each item once.
      repeatedDecisions: after.decisionsRecorded - before.decisionsRecorded - decided,
      lostDecisions: total - decided,
      unsigned: certifications.filter((c) => c.phase !== 'SIGNED').length,
      itemsListed: result.itemsListed,
      examples: result.examples,
      certificationCount: setup.certificationCount,
      itemCount: setup.itemCount,
    };
  } finally {
    await tenant.stop();
  }
}

/** A count over rounds: the value when every round agrees, else median (min-max). */
function countCell(values) {
  const { median, min, max } = summarize(values);
  return min === max ? String(min) : `${median} (${min}-${max})`;
}

function secondsCell(values) {
  const { median, min, max } = summarize(values);
  const s = (ms) => (ms / 1000).toFixed(2);
  return values.length === 1 ? s(median) : `${s(median)} (${s(min)}-${s(max)})`;
}

function ratioCell(values) {
  const { median, min, max } = summarize(values);
  return values.length === 1
    ? `${median.toFixed(3)}x`
    : `${median.toFixed(3)}x (${min.toFixed(2)}-${max.toFixed(2)})`;
}

const cycleContenders = [
  ['client', '@isc-sdk/client: paginate, decideAll, rateLimit at the tenant’s limit'],
  ['raw', 'raw fetch, 8 workers, sleeps Retry-After on 429 (5 attempts)'],
  ['official', 'sailpoint-api-client as its README shows (axios-retry defaults)'],
  [
    'official-retry',
    'sailpoint-api-client, axios-retry set to retry 429 after Retry-After (5 attempts)',
  ],
];

/**
 * "A certification cycle at scale under the rate limit". `plan`: { limit, identities,
 * itemsPerCertification, workers, rounds, minCertifications, minItems }.
 */
export async function cycleSection(log, plan) {
  const { limit } = plan;
  const rate = `${limit.requests} requests per ${limit.windowMs / 1000} s`;
  log(`## 6. A certification cycle at scale under the rate limit`);
  log();
  const contenders = plan.contenders
    ? cycleContenders.filter(([job]) => plan.contenders.includes(job))
    : cycleContenders;
  const runs = new Map(contenders.map(([job]) => [job, []]));
  for (let round = 0; round < plan.rounds; round += 1) {
    const order = round % 2 ? [...contenders].reverse() : contenders;
    for (const [job] of order) runs.get(job).push(await measureCycle(job, plan));
  }
  const first = runs.values().next().value[0];
  const size = `${first.certificationCount} certifications and ${first.itemCount} review items`;
  const big =
    first.certificationCount >= plan.minCertifications && first.itemCount >= plan.minItems;
  log(
    `Each contender, one after another (${plan.rounds} round${plan.rounds > 1 ? 's' : ''}, the order reversed every other round), against a fresh mock tenant`,
  );
  log(
    `(@isc-sdk/mock-tenant in the bench process, the contender in a child process) with the gateway limit at ${rate}`,
  );
  log(
    `per client id: an ACTIVE MANAGER campaign over ${plan.identities} identities (one certification per manager, ${plan.itemsPerCertification} items each).`,
  );
  log(
    `Campaign size, as the tenant reported it: ${size} (${big ? 'meets' : 'MISSES'} >= ${plan.minCertifications} certifications and >= ${plan.minItems} items).`,
  );
  log(
    `The job: list the campaign's certifications, then, ${plan.workers} certifications at a time, list every review item (250 a page,`,
  );
  log(
    `count=true so the last page is known), decide every item (250 a call) and sign the certification off.`,
  );
  log();
  log(
    `Bound = requests admitted × ${limit.windowMs} ms / ${limit.requests} (requests made / allowed rate; requests refused with 429 use no budget).`,
  );
  log(
    `"429s received" are the tenant's rateLimitHits; "surfaced" and "failed" are calls that still ended in an error`,
  );
  log(
    `for the caller; repeated requests = admitted − (calls − calls refused to the end); repeated decisions = decisions`,
  );
  log(
    `the tenant applied − items decided; lost = items left undecided (read back from the tenant after the run).`,
  );
  const admitted = first.made - first.hits;
  log(
    `A sliding window lets the first ${limit.requests} requests pass at once, so ${admitted} requests cannot finish before (⌈${admitted}/${limit.requests}⌉ − 1) × ${limit.windowMs / 1000} s = ${((Math.ceil(admitted / limit.requests) - 1) * limit.windowMs) / 1000} s.`,
  );
  log();
  log(
    `| contender | wall time (s) | bound (s) | ratio to bound | requests made | 429s received | 429s surfaced | failed calls | repeated requests | repeated decisions | lost decisions | target |`,
  );
  log(`| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`);
  for (const [job, label] of contenders) {
    const list = runs.get(job);
    const pick = (key) => list.map((run) => run[key]);
    const ratios = list.map((run) => run.wallMs / run.boundMs);
    let verdict = '';
    if (job === 'client') {
      const misses = [];
      const ratio = summarize(ratios).median;
      if (ratio > 1.05) misses.push('time');
      if (Math.max(...pick('surfaced429')) > 0) misses.push('surfaced 429s');
      if (Math.max(...pick('lostDecisions')) > 0) misses.push('lost decisions');
      if (Math.max(...pick('repeatedDecisions')) > 0) misses.push('repeated decisions');
      if (Math.max(...pick('repeatedRequests')) > 0) misses.push('repeated requests');
      verdict = misses.length
        ? `MISSES (${misses.join(', ')}): <= 1.05x, 0 surfaced, 0 lost or repeated`
        : 'meets <= 1.05x, 0 surfaced, 0 lost or repeated';
    }
    // A job that left work undone did not do what the bound is for.
    const incomplete = Math.max(...pick('lostDecisions'), ...pick('unsigned')) > 0;
    log(
      `| ${label} | ${secondsCell(pick('wallMs'))} | ${secondsCell(pick('boundMs'))} | ${ratioCell(ratios)}${incomplete ? ', job left undone' : ''} | ${countCell(pick('made'))} | ${countCell(pick('hits'))} | ${countCell(pick('surfaced429'))} | ${countCell(pick('failed'))} | ${countCell(pick('repeatedRequests'))} | ${countCell(pick('repeatedDecisions'))} | ${countCell(pick('lostDecisions'))} | ${verdict} |`,
    );
  }
  log();
  let notes = 0;
  for (const [job, label] of contenders) {
    const examples = runs.get(job).flatMap((run) => run.examples);
    const unsigned = runs.get(job).map((run) => run.unsigned);
    if (examples.length || Math.max(...unsigned) > 0) {
      notes += 1;
      log(
        `- ${label}: certifications left unsigned ${countCell(unsigned)}; first failures: ${[...new Set(examples)].slice(0, 3).join('; ') || 'none'}.`,
      );
    }
  }
  if (notes) log();
  return runs;
}

/**
 * The acceptance check: `calls` createCampaign calls at concurrency 16 under `limit` on
 * both sides, then with the client's pacing off (the tenant's 429s and Retry-After do the pacing).
 */
export async function acceptanceSection(log, plan) {
  const { limit, calls, concurrency, rounds } = plan;
  const runOnce = async (paced) => {
    const tenant = await startMockTenant({ rateLimit: limit });
    try {
      const result = await runJob({
        job: 'calls',
        baseUrl: tenant.baseUrl,
        clientId: tenant.clientId,
        clientSecret: tenant.clientSecret,
        rateLimit: paced ? limit : false,
        calls,
        concurrency,
      });
      const stats = tenant.stats();
      const admitted = apiRequests(stats) - stats.rateLimitHits;
      return {
        wallMs: result.wallMs,
        ratio: result.wallMs / boundMs(admitted, limit),
        hits: stats.rateLimitHits,
        failed: result.failed,
        created: stats.campaignsCreated,
        retries: result.clientRetries,
      };
    } finally {
      await tenant.stop();
    }
  };
  const paced = [];
  const unpaced = [];
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 ? [unpaced, paced] : [paced, unpaced];
    for (const list of order) list.push(await runOnce(list === paced));
  }
  const bound = boundMs(calls, limit);
  log(
    `### 6b. Acceptance check: ${calls} calls at concurrency ${concurrency}, ${limit.requests} requests per ${limit.windowMs} ms`,
  );
  log();
  log(
    `${calls} createCampaign calls (not idempotent: a call sent twice would be a campaign too many) through @isc-sdk/client`,
  );
  log(
    `against a fresh tenant limited to ${limit.requests} requests per ${limit.windowMs} ms; bound = ${calls} × ${limit.windowMs} ms / ${limit.requests} = ${(bound / 1000).toFixed(2)} s;`,
  );
  log(`${rounds} round${rounds > 1 ? 's' : ''}, paced and unpaced alternating.`);
  log();
  log(
    `| client pacing | wall time (s) | ratio to bound | 429s received | client retries | failed calls | campaigns created | target |`,
  );
  log(`| --- | --- | --- | --- | --- | --- | --- | --- |`);
  const row = (label, list, verdict) => {
    const pick = (key) => list.map((run) => run[key]);
    log(
      `| ${label} | ${secondsCell(pick('wallMs'))} | ${ratioCell(pick('ratio'))} | ${countCell(pick('hits'))} | ${countCell(pick('retries'))} | ${countCell(pick('failed'))} | ${countCell(pick('created'))} | ${verdict} |`,
    );
  };
  const pick = (list, key) => list.map((run) => run[key]);
  const pacedOk =
    summarize(pick(paced, 'ratio')).median <= 1.25 &&
    Math.max(...pick(paced, 'hits')) <= 2 &&
    Math.max(...pick(paced, 'failed')) === 0 &&
    pick(paced, 'created').every((n) => n === calls);
  const unpacedOk =
    Math.min(...pick(unpaced, 'hits')) > 0 &&
    Math.max(...pick(unpaced, 'failed')) === 0 &&
    pick(unpaced, 'created').every((n) => n === calls);
  row(
    `on (rateLimit ${limit.requests} / ${limit.windowMs} ms)`,
    paced,
    `${pacedOk ? 'meets' : 'MISSES'} <= 1.25x, <= 2 429s, all ${calls} once`,
  );
  row(
    'off (rateLimit: false)',
    unpaced,
    `${unpacedOk ? 'meets' : 'MISSES'} 429s answered, all ${calls} succeed once`,
  );
  log();
  return { paced, unpaced };
}
