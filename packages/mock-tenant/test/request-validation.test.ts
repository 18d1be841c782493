// Requests are validated with Ajv against the spec's schemas; every refusal is a 400
// ErrorResponseDto whose first message names the field, with the other problems as causes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockTenant } from '../src/index.js';
import { campaignBody } from './support/bodies.js';
import { errorText, fetchToken, startTestTenant } from './support/tenant-client.js';

let tenant: MockTenant;
let token: string;

beforeAll(async () => {
  ({ tenant } = await startTestTenant());
  token = await fetchToken(tenant);
});
afterAll(() => tenant.stop());

async function send(
  method: string,
  path: string,
  body: string | undefined,
  contentType = 'application/json',
) {
  const response = await fetch(tenant.baseUrl + path, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': contentType }),
    },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text
      ? (JSON.parse(text) as { messages?: unknown[]; causes?: Array<{ text: string }> })
      : undefined,
  };
}

const json = (value: unknown) => JSON.stringify(value);

async function stagedCampaign(): Promise<string> {
  const { body } = await send('POST', '/campaigns', json(campaignBody()));
  return (body as unknown as { id: string }).id;
}

describe('request bodies', () => {
  it.each([
    [
      'a missing required field',
      json({ description: null, type: 'MANAGER' }),
      "Request body field 'name' is required",
    ],
    [
      'a wrong type',
      json(campaignBody({ autoRevokeAllowed: 'yes' as never })),
      "Request body field 'autoRevokeAllowed' must be of type boolean",
    ],
    [
      'a value outside the enum',
      json(campaignBody({ type: 'QUARTERLY' as never })),
      "Request body field 'type' must be one of",
    ],
    [
      'a bad date-time',
      json(campaignBody({ deadline: 'next friday' })),
      "Request body field 'deadline' must be a valid date-time",
    ],
    [
      'a nested field',
      json(campaignBody({ type: 'SEARCH', searchCampaignInfo: { identityIds: ['x'] } as never })),
      "Request body field 'searchCampaignInfo.type' is required",
    ],
    ['JSON that does not parse', '{"name": ', 'The request body is not valid JSON'],
    ['a body that is not an object', json(['x']), 'The request body must be of type object'],
  ])('createCampaign refuses %s', async (_name, body, text) => {
    const { status, body: error } = await send('POST', '/campaigns', body);
    expect(status).toBe(400);
    expect(errorText(error)).toContain(text);
  });

  it('lists every further problem as a cause', async () => {
    const { body } = await send('POST', '/campaigns', json({ name: 7 }));
    expect(errorText(body)).toBe("Request body field 'name' must be of type string");
    expect(body!.causes!.map((c) => c.text)).toEqual(
      expect.arrayContaining([
        "Request body field 'description' is required",
        "Request body field 'type' is required",
      ]),
    );
  });

  it('refuses a body that is not JSON by its Content-Type', async () => {
    const { status, body } = await send('POST', '/campaigns', 'name=x', 'text/plain');
    expect(status).toBe(400);
    expect(errorText(body)).toBe(
      'The request body must be application/json; got Content-Type text/plain.',
    );
  });

  it.each([
    ['application/json'],
    ['application/json; charset=utf-8'],
    ['Application/JSON;Charset="UTF-8"'],
    ['application/json ; charset=utf8'],
  ])('accepts the media type %s', async (type) => {
    const { status } = await send('POST', '/campaigns', json(campaignBody()), type);
    expect(status).toBe(202);
  });

  it.each([
    [
      'application/x-not-json-at-all',
      'The request body must be application/json; got Content-Type application/x-not-json-at-all.',
    ],
    ['text/json', 'The request body must be application/json; got Content-Type text/json.'],
    [
      'application/json-patch+json',
      'The request body must be application/json; got Content-Type application/json-patch+json.',
    ],
    [
      'application/json; charset=iso-8859-1',
      'The request body must be UTF-8 JSON; got Content-Type application/json with charset iso-8859-1.',
    ],
    [
      'application/json; charset',
      'The Content-Type header "application/json; charset" is not a media type (invalid parameter format).',
    ],
    ['json', 'The Content-Type header "json" is not a media type (invalid media type).'],
  ])('refuses the media type %s with 400', async (type, text) => {
    const { status, body } = await send('POST', '/campaigns', json(campaignBody()), type);
    expect(status).toBe(400);
    expect(errorText(body)).toBe(text);
  });

  it('refuses a missing required body', async () => {
    const { status, body } = await send('POST', '/campaigns', undefined);
    expect(status).toBe(400);
    expect(errorText(body)).toBe('This operation needs a JSON request body.');
  });

  it('ignores read-only fields a client echoes back', async () => {
    const { status, body } = await send(
      'POST',
      '/campaigns',
      json({ ...campaignBody(), id: 'mine', status: 'ACTIVE', totalCertifications: 9 }),
    );
    expect(status).toBe(202);
    expect(body).toMatchObject({ status: 'PENDING', totalCertifications: 0 });
    expect((body as { id: string }).id).not.toBe('mine');
  });
});

describe('JSON Patch bodies', () => {
  it('accepts application/json-patch+json and, for lenient clients, application/json', async () => {
    const id = await stagedCampaign();
    for (const type of ['application/json-patch+json', 'application/json']) {
      const { status } = await send(
        'PATCH',
        `/campaigns/${id}`,
        json([{ op: 'replace', path: '/name', value: type }]),
        type,
      );
      expect(status).toBe(200);
    }
  });

  it('refuses a patch media type the spec does not list (merge patch)', async () => {
    const id = await stagedCampaign();
    const { status, body } = await send(
      'PATCH',
      `/campaigns/${id}`,
      json({ name: 'x' }),
      'application/merge-patch+json',
    );
    expect(status).toBe(400);
    expect(errorText(body)).toBe(
      'The request body must be application/json-patch+json or application/json; got Content-Type application/merge-patch+json.',
    );
  });

  it.each([
    [
      'an object instead of an array',
      json({ op: 'replace', path: '/name', value: 'x' }),
      'The request body must be of type array',
    ],
    [
      'an unknown op',
      json([{ op: 'merge', path: '/name', value: 'x' }]),
      "Request body field '[0].op' must be one of",
    ],
    ['a missing path', json([{ op: 'remove' }]), "Request body field '[0].path' is required"],
    [
      'a replace without a value',
      json([{ op: 'replace', path: '/name' }]),
      "Patch operation 0 (replace /name): a 'value' is required.",
    ],
    [
      'a path that is not a pointer',
      json([{ op: 'replace', path: 'name', value: 'x' }]),
      'the path is not a JSON Pointer',
    ],
    [
      'a later operation that fails, naming that operation',
      json([
        { op: 'replace', path: '/name', value: 'x' },
        { op: 'test', path: '/name', value: 'x' },
        { op: 'replace', path: '/description' },
      ]),
      "Patch operation 2 (replace /description): a 'value' is required.",
    ],
    [
      'a later operation on a path that does not exist',
      json([
        { op: 'replace', path: '/name', value: 'x' },
        { op: 'remove', path: '/nothing/here' },
      ]),
      'Patch operation 1 (remove /nothing/here): the path does not exist.',
    ],
    [
      'a failed test operation after others',
      json([
        { op: 'replace', path: '/name', value: 'x' },
        { op: 'test', path: '/name', value: 'y' },
      ]),
      'Patch operation 1 (test /name): the value at the path is not the tested value.',
    ],
    [
      'a path through __proto__',
      json([{ op: 'add', path: '/__proto__/polluted', value: true }]),
      "Patch operation 0 (add /__proto__/polluted): the 'path' pointer names '__proto__', which is not a field.",
    ],
    [
      'a path through constructor/prototype',
      json([
        { op: 'replace', path: '/name', value: 'x' },
        { op: 'add', path: '/constructor/prototype/polluted', value: true },
      ]),
      "Patch operation 1 (add /constructor/prototype/polluted): the 'path' pointer names 'constructor', which is not a field.",
    ],
    [
      'a copy from __proto__',
      json([{ op: 'copy', from: '/__proto__', path: '/description' }]),
      "Patch operation 0 (copy /description): the 'from' pointer names '__proto__', which is not a field.",
    ],
    [
      'a bare prototype segment',
      json([{ op: 'add', path: '/prototype', value: 1 }]),
      "the 'path' pointer names 'prototype', which is not a field.",
    ],
  ])('updateCampaign refuses %s', async (_name, body, text) => {
    const id = await stagedCampaign();
    const { status, body: error } = await send(
      'PATCH',
      `/campaigns/${id}`,
      body,
      'application/json-patch+json',
    );
    expect(status).toBe(400);
    expect(errorText(error)).toContain(text);
  });

  it('leaves the campaign unchanged when a later operation fails, and Object.prototype alone', async () => {
    const id = await stagedCampaign();
    const { status } = await send(
      'PATCH',
      `/campaigns/${id}`,
      json([
        { op: 'replace', path: '/name', value: 'changed' },
        { op: 'add', path: '/__proto__/polluted', value: true },
      ]),
      'application/json-patch+json',
    );
    expect(status).toBe(400);
    const { body } = await send('GET', `/campaigns/${id}`, undefined);
    expect(body).toMatchObject({ name: campaignBody().name });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('path and query parameters', () => {
  it('coerces query parameters to their declared types', async () => {
    const { status, body } = await send('GET', '/campaigns?count=yes', undefined);
    expect(status).toBe(400);
    expect(errorText(body)).toBe("Query parameter 'count' must be of type boolean");
  });

  it('names an unknown enum value in a query parameter', async () => {
    const { status, body } = await send('GET', '/campaigns?detail=HUGE', undefined);
    expect(status).toBe(400);
    expect(errorText(body)).toContain("Query parameter 'detail' must be one of");
  });

  it('answers 404 with an ErrorResponseDto for a path no operation has', async () => {
    const { status, body } = await send('GET', '/campaign-filters', undefined);
    expect(status).toBe(404);
    expect(errorText(body)).toBe(
      'No operation of the mock tenant matches GET /v3/campaign-filters.',
    );
  });
});
