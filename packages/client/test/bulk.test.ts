// decideAll, reassignAll and reassignAllAsync: many items split into batches of at most the
// operation's maximum, sent with bounded concurrency, every batch reported so that a caller can retry
// exactly what failed. The fetch is injected and answers from a script.

import { describe, expect, it } from 'vitest';
import {
  decideAll,
  isIscConfigError,
  isIscValidationError,
  reassignAll,
  reassignAllAsync,
  type IscBulkProgress,
  type IscReassignItem,
  type IscReviewDecision,
} from '../src/index.js';
import { clientFor } from './support/fixtures.js';
import { json, scriptedFetch, type Script, type ScriptedCall } from './support/scripted-fetch.js';

const API = 'https://isc.example.test';

function client(script: Script = (call) => json({ echoed: JSON.parse(call.body ?? 'null') })) {
  const scripted = scriptedFetch(script);
  const isc = clientFor(API, { auth: { accessToken: 'tok' }, fetch: scripted.fetch });
  return { isc, calls: scripted.calls };
}

const decisions = (count: number, from = 0): IscReviewDecision[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `item-${from + index}`,
    decision: 'APPROVE',
    bulk: true,
  }));

const items = (count: number): IscReassignItem[] =>
  Array.from({ length: count }, (_, index) => ({ id: `id-${index}`, type: 'ITEM' }));

const bodyOf = (call: ScriptedCall | undefined) => JSON.parse(call?.body ?? 'null') as unknown;

/** The id of every decision the calls carried, in order. */
const decidedIds = (calls: readonly ScriptedCall[]) =>
  calls.flatMap((call) => (bodyOf(call) as { id: string }[]).map((decision) => decision.id));

async function configError(run: () => Promise<unknown>) {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isIscConfigError(error)).toBe(true);
  return error as { field: string; message: string };
}

describe('decideAll', () => {
  it('sends 600 decisions as 250 + 250 + 100, in order, and reports every batch', async () => {
    const { isc, calls } = client();
    const all = decisions(600);
    const report = await decideAll(isc, 'cert 1', all, { concurrency: 1 });
    expect(calls).toHaveLength(3);
    expect(calls.map((call) => [call.method, call.url])).toEqual(
      Array.from({ length: 3 }, () => ['POST', `${API}/v3/certifications/cert%201/decide`]),
    );
    expect(calls.map((call) => (bodyOf(call) as unknown[]).length)).toEqual([250, 250, 100]);
    expect(decidedIds(calls)).toEqual(all.map((decision) => decision.id));
    expect(report.ok).toBe(true);
    expect(report.done).toBe(600);
    expect(report.failedItems).toEqual([]);
    expect(report.batches).toHaveLength(3);
    expect(report.batches.map((batch) => [batch.index, batch.status, batch.items.length])).toEqual([
      [0, 'done', 250],
      [1, 'done', 250],
      [2, 'done', 100],
    ]);
    const first = report.batches[0];
    expect(first?.status === 'done' && first.data).toEqual({ echoed: all.slice(0, 250) });
  });

  it.each<[number, number[]]>([
    [1, [1, 1, 1, 1, 1]],
    [2, [2, 2, 1]],
    [5, [5]],
    [250, [5]],
  ])('takes batchSize %i: %j', async (batchSize, sizes) => {
    const { isc, calls } = client();
    const report = await decideAll(isc, 'c1', decisions(5), { batchSize });
    expect(report.batches.map((batch) => batch.items.length)).toEqual(sizes);
    expect(calls.map((call) => (bodyOf(call) as unknown[]).length).sort()).toEqual(
      [...sizes].sort(),
    );
  });

  it('reports a failed batch with its typed error and hands back exactly its items', async () => {
    const { isc, calls } = client((call, index) =>
      index === 1
        ? json({ detailCode: '400.1 Bad Request', messages: [{ text: 'item-3 is decided' }] }, 400)
        : json({ ok: bodyOf(call) }),
    );
    const progress: IscBulkProgress[] = [];
    const all = decisions(7);
    const report = await decideAll(isc, 'c1', all, {
      batchSize: 3,
      concurrency: 1,
      onProgress: (step) => progress.push(step),
    });
    expect(calls).toHaveLength(3);
    expect(report.ok).toBe(false);
    expect(report.done).toBe(4);
    expect(report.failedItems).toEqual(all.slice(3, 6));
    const failed = report.batches[1];
    expect(failed?.status).toBe('failed');
    const error = failed?.status === 'failed' ? failed.error : undefined;
    expect(isIscValidationError(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, messages: ['item-3 is decided'] });
    expect(progress).toEqual([
      { done: 3, failed: 0, total: 7 },
      { done: 3, failed: 3, total: 7 },
      { done: 4, failed: 3, total: 7 },
    ]);
  });

  it('never sends a batch twice, even after a 503 (a decision may have been applied)', async () => {
    const { isc, calls } = client(() => json({ message: 'busy' }, 503));
    const report = await decideAll(isc, 'c1', decisions(3));
    expect(calls).toHaveLength(1);
    expect(report.batches[0]).toMatchObject({ status: 'failed', error: { status: 503 } });
  });

  it('sends every batch with the per-call options', async () => {
    const { isc, calls } = client(() => json({ message: 'busy' }, 503));
    const report = await decideAll(isc, 'c1', decisions(4), {
      batchSize: 2,
      idempotent: true,
      retry: { maxAttempts: 2, baseDelay: 1 },
    });
    // idempotent: each batch was tried twice.
    expect(calls).toHaveLength(4);
    expect(report.failedItems).toHaveLength(4);
  });

  it('keeps at most `concurrency` batches in flight (4 by default)', async () => {
    let inFlight = 0;
    let most = 0;
    const slow: Script = async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return json({});
    };
    const byDefault = client(slow);
    await decideAll(byDefault.isc, 'c1', decisions(10), { batchSize: 1 });
    expect(byDefault.calls).toHaveLength(10);
    expect(most).toBe(4);
    most = 0;
    const two = client(slow);
    await decideAll(two.isc, 'c1', decisions(10), { batchSize: 1, concurrency: 2 });
    expect(most).toBe(2);
    most = 0;
    const wide = client(slow);
    await decideAll(wide.isc, 'c1', decisions(3), { batchSize: 1, concurrency: 16 });
    expect(wide.calls).toHaveLength(3);
    expect(most).toBe(3);
  });

  it('skips the batches not yet sent when the signal aborts, reporting them as not done', async () => {
    const controller = new AbortController();
    const reason = new Error('operator stopped the run');
    const { isc, calls } = client((call, index) => {
      if (index === 0) controller.abort(reason);
      return json({ ok: true });
    });
    const all = decisions(5);
    const progress: IscBulkProgress[] = [];
    const report = await decideAll(isc, 'c1', all, {
      batchSize: 2,
      concurrency: 1,
      signal: controller.signal,
      onProgress: (step) => progress.push(step),
    });
    expect(calls).toHaveLength(1);
    // The batch in flight when the signal aborted was cancelled with it.
    expect(report.batches.map((batch) => batch.status)).toEqual(['failed', 'skipped', 'skipped']);
    const skipped = report.batches[1];
    expect(skipped?.status !== 'done' && skipped?.error).toBe(reason);
    expect(report).toMatchObject({ ok: false, done: 0 });
    expect(report.failedItems).toEqual(all);
    expect(progress).toEqual([{ done: 0, failed: 2, total: 5 }]);
  });

  it('is not ok when one batch failed and the rest were skipped', async () => {
    const controller = new AbortController();
    const { isc } = client(() => {
      controller.abort(new Error('stop'));
      return json({ message: 'rejected' }, 400);
    });
    const report = await decideAll(isc, 'c1', decisions(4), {
      batchSize: 2,
      concurrency: 1,
      signal: controller.signal,
    });
    expect(report.batches.map((batch) => batch.status)).toEqual(['failed', 'skipped']);
    expect(report).toMatchObject({ ok: false, done: 0 });
    expect(report.failedItems).toHaveLength(4);
  });

  it('sends nothing when the signal has already aborted', async () => {
    const { isc, calls } = client();
    const report = await decideAll(isc, 'c1', decisions(3), {
      signal: AbortSignal.abort(new Error('no')),
    });
    expect(calls).toHaveLength(0);
    expect(report.batches).toHaveLength(1);
    expect(report.batches[0]?.status).toBe('skipped');
    expect(report).toMatchObject({ ok: false, done: 0 });
    expect(report.failedItems).toHaveLength(3);
  });

  it.each<[string, () => [string, unknown, Record<string, unknown>?], string, string]>([
    ['an empty list', () => ['c1', []], 'decisions', 'must be a non-empty array, got an array'],
    ['no list', () => ['c1', undefined], 'decisions', 'must be a non-empty array, got undefined'],
    [
      'an entry that is not an object',
      () => ['c1', [...decisions(1), 'item-2']],
      'decisions[1]',
      'must be an object, got a string',
    ],
    [
      'an item decided twice',
      () => ['c1', [...decisions(3), ...decisions(1, 1)]],
      'decisions[3]',
      'repeats decisions[1] (item-1); send each once',
    ],
    [
      'no certification id',
      () => ['', decisions(1)],
      'certificationId',
      'must be a certification id, got an empty string',
    ],
    [
      'a numeric certification id',
      () => [7 as never, decisions(1)],
      'certificationId',
      'must be a certification id, got 7',
    ],
    [
      'a batch larger than the operation takes',
      () => ['c1', decisions(1), { batchSize: 251 }],
      'batchSize',
      'must be an integer from 1 to 250, got 251',
    ],
    [
      'a batch of zero',
      () => ['c1', decisions(1), { batchSize: 0 }],
      'batchSize',
      'must be an integer from 1 to 250, got 0',
    ],
    [
      'too much concurrency',
      () => ['c1', decisions(1), { concurrency: 17 }],
      'concurrency',
      'must be an integer from 1 to 16, got 17',
    ],
    [
      'no concurrency',
      () => ['c1', decisions(1), { concurrency: 0 }],
      'concurrency',
      'must be an integer from 1 to 16, got 0',
    ],
    [
      'an onProgress that is not a function',
      () => ['c1', decisions(1), { onProgress: 'log' }],
      'onProgress',
      'must be a function, got a string',
    ],
  ])('refuses %s before sending anything', async (_name, args, field, text) => {
    const { isc, calls } = client();
    const [id, list, options] = args();
    const error = await configError(() =>
      decideAll(isc, id, list as IscReviewDecision[], options as never),
    );
    expect(error.field).toBe(field);
    expect(error.message).toBe(`${field}: ${text}`);
    expect(calls).toHaveLength(0);
  });
});

describe('reassignAll and reassignAllAsync', () => {
  const request = (count: number) => ({
    reassign: items(count),
    reassignTo: 'identity-9',
    reason: 'Manager left',
  });

  it('reassigns 120 items as 50 + 50 + 20, each batch with the same reviewer and reason', async () => {
    const { isc, calls } = client();
    const report = await reassignAll(isc, 'c1', request(120), { concurrency: 1 });
    expect(calls).toHaveLength(3);
    expect(calls.map((call) => call.url)).toEqual(
      Array.from({ length: 3 }, () => `${API}/v3/certifications/c1/reassign`),
    );
    const bodies = calls.map(bodyOf) as {
      reassign: unknown[];
      reassignTo: string;
      reason: string;
    }[];
    expect(bodies.map((body) => body.reassign.length)).toEqual([50, 50, 20]);
    expect(bodies.map((body) => [body.reassignTo, body.reason])).toEqual(
      Array.from({ length: 3 }, () => ['identity-9', 'Manager left']),
    );
    expect(bodies.flatMap((body) => body.reassign)).toEqual(items(120));
    expect(report).toMatchObject({ ok: true, done: 120 });
  });

  it('reassigns 1,200 items in the background as 500 + 500 + 200, with each task as data', async () => {
    const { isc, calls } = client((_call, index) =>
      json({ id: `task-${index}`, status: 'QUEUED' }),
    );
    const report = await reassignAllAsync(isc, 'c1', request(1200), { concurrency: 1 });
    expect(calls.map((call) => call.url)).toEqual(
      Array.from({ length: 3 }, () => `${API}/v3/certifications/c1/reassign-async`),
    );
    expect(calls.map((call) => (bodyOf(call) as { reassign: unknown[] }).reassign.length)).toEqual([
      500, 500, 200,
    ]);
    expect(report.batches.map((batch) => batch.status === 'done' && batch.data)).toEqual([
      { id: 'task-0', status: 'QUEUED' },
      { id: 'task-1', status: 'QUEUED' },
      { id: 'task-2', status: 'QUEUED' },
    ]);
  });

  it('tells items apart by type and id', async () => {
    const { isc, calls } = client();
    const mixed: IscReassignItem[] = [
      { id: 'x', type: 'ITEM' },
      { id: 'x', type: 'IDENTITY_SUMMARY' },
    ];
    await reassignAll(isc, 'c1', { reassign: mixed, reassignTo: 'i', reason: 'r' });
    expect(calls).toHaveLength(1);
    const error = await configError(() =>
      reassignAll(isc, 'c1', {
        reassign: [...mixed, { id: 'x', type: 'ITEM' }],
        reassignTo: 'i',
        reason: 'r',
      }),
    );
    expect(error.message).toBe(
      'request.reassign[2]: repeats request.reassign[0] (ITEM x); send each once',
    );
  });

  it.each<[string, unknown, string, string]>([
    ['no request', undefined, 'request', 'must be an object, got undefined'],
    [
      'no reviewer',
      { reassign: items(1), reason: 'r' },
      'request.reassignTo',
      'must be an identity id, got undefined',
    ],
    [
      'an empty reviewer',
      { reassign: items(1), reassignTo: '', reason: 'r' },
      'request.reassignTo',
      'must be an identity id, got an empty string',
    ],
    [
      'no reason',
      { reassign: items(1), reassignTo: 'i' },
      'request.reason',
      'must be a non-empty string, got undefined',
    ],
    [
      'an empty reason',
      { reassign: items(1), reassignTo: 'i', reason: '' },
      'request.reason',
      'must be a non-empty string, got an empty string',
    ],
    [
      'a numeric reviewer',
      { reassign: items(1), reassignTo: 42, reason: 'r' },
      'request.reassignTo',
      'must be an identity id, got 42',
    ],
    [
      'a numeric reason',
      { reassign: items(1), reassignTo: 'i', reason: 7 },
      'request.reason',
      'must be a non-empty string, got 7',
    ],
    [
      'nothing to reassign',
      { reassign: [], reassignTo: 'i', reason: 'r' },
      'request.reassign',
      'must be a non-empty array, got an array',
    ],
  ])('refuses %s before sending anything', async (_name, value, field, text) => {
    const { isc, calls } = client();
    for (const run of [reassignAll, reassignAllAsync]) {
      const error = await configError(() => run(isc, 'c1', value as never));
      expect(error.field).toBe(field);
      expect(error.message).toBe(`${field}: ${text}`);
    }
    const error = await configError(() => reassignAll(isc, '', request(1)));
    expect(error.field).toBe('certificationId');
    expect(calls).toHaveLength(0);
  });

  it('caps batches at 50 and 500', async () => {
    const { isc } = client();
    const sync = await configError(() => reassignAll(isc, 'c1', request(1), { batchSize: 51 }));
    expect(sync.message).toBe('batchSize: must be an integer from 1 to 50, got 51');
    const background = await configError(() =>
      reassignAllAsync(isc, 'c1', request(1), { batchSize: 501 }),
    );
    expect(background.message).toBe('batchSize: must be an integer from 1 to 500, got 501');
  });
});
