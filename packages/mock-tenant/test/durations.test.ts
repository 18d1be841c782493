// Template deadline durations are accepted as the Java backend accepts them: designators in any
// ASCII case. The cases were checked against Java 17's Period.parse and Duration.parse (a value is
// accepted when either parses it); the SDK's own formatting (formatDuration) stays upper case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../src/index.js';
import { templateBody } from './support/bodies.js';
import {
  errorText,
  startTestTenant,
  testClock,
  type TenantClient,
} from './support/tenant-client.js';

let tenant: MockTenant;
let isc: TenantClient;
const clock = testClock(Date.parse('2030-03-16T08:30:00Z'));

beforeAll(async () => {
  ({ tenant, isc } = await startTestTenant({ now: clock.now, size: { identities: 30 } }));
});
afterAll(() => tenant.stop());

async function generate(deadlineDuration: string) {
  const created = await isc.POST('/campaign-templates', {
    body: templateBody({ deadlineDuration }),
  });
  expect(created.response.status).toBe(200);
  expect(created.data!.deadlineDuration).toBe(deadlineDuration);
  const generated = await isc.POST('/campaign-templates/{id}/generate', {
    params: { path: { id: created.data!.id! } },
  });
  expect(generated.response.status).toBe(200);
  const campaign = await isc.GET('/campaigns/{id}', {
    params: { path: { id: generated.data!.id } },
  });
  return campaign.data!.deadline;
}

describe('deadlineDuration in lower or mixed case', () => {
  it.each([
    ['p2w', '2030-03-30T08:30:00.000Z'],
    ['p14d', '2030-03-30T08:30:00.000Z'],
    ['P1m', '2030-04-16T08:30:00.000Z'],
    ['p1y2m3d', '2031-05-19T08:30:00.000Z'],
    ['pt36h', '2030-03-17T20:30:00.000Z'],
    ['p1dt2h', '2030-03-17T10:30:00.000Z'],
    ['P1Dt2H', '2030-03-17T10:30:00.000Z'],
    ['pt1.5s', '2030-03-16T08:30:01.500Z'],
  ])('accepts %s, stores it as sent and generates the deadline it means', async (value, due) => {
    expect(await generate(value)).toBe(due);
  });

  it('accepts a lower-case duration in a JSON Patch', async () => {
    const created = await isc.POST('/campaign-templates', { body: templateBody() });
    const { data, response } = await isc.PATCH('/campaign-templates/{id}', {
      params: { path: { id: created.data!.id! } },
      body: [{ op: 'replace', path: '/deadlineDuration', value: 'p3d' }],
    });
    expect(response.status).toBe(200);
    expect(data!.deadlineDuration).toBe('p3d');
  });

  it.each([
    // Java's case-insensitivity covers ASCII only: these look like designators but are not.
    ['pt1ſ', 'a long s'],
    ['p1ı', 'a dotless i'],
    ['ｐ1d', 'a full-width p'],
    ['p2', 'no designator'],
  ])('refuses %s (%s) like the backend', async (value) => {
    const { response, error } = await isc.POST('/campaign-templates', {
      body: templateBody({ deadlineDuration: value }),
    });
    expect(response.status).toBe(400);
    expect(errorText(error)).toContain("'deadlineDuration' is not an ISO-8601 duration");
  });
});
