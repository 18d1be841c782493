import { describe, expect, it } from 'vitest';
import { isIscPathParamError, unwrap } from '../src/index.js';
import { encodePath } from '../src/internal/path-serializer.js';
import { clientFor } from './support/fixtures.js';
import { sendJson } from './support/loopback-server.js';
import { useServers } from './support/servers.js';

const serve = useServers();
const token = { auth: { accessToken: 'tok' } } as const;
const echo = () => serve((_request, response) => sendJson(response, 200, { ok: true }));

describe('path parameters reach the server as exactly one encoded segment', () => {
  it.each([
    ['a slash', 'a/b'],
    ['a question mark', 'a?b=c'],
    ['a hash', 'a#frag'],
    ['a percent sign', '100%'],
    ['an encoded-looking value', '%2e%2e'],
    ['dot segments inside', '../../admin'],
    ['a dot pair with more', '..x'],
    ['spaces and quotes', 'a b "c"'],
    ['non-ASCII', 'Zoë Ångström 日本'],
    ['an emoji', 'id-😀'],
    ['all of it', "/?#%..é&=+;'"],
  ])('%s: %s', async (_name, id) => {
    const server = await echo();
    const isc = clientFor(server.origin, token);
    await unwrap(isc.GET('/campaigns/{id}', { params: { path: { id } } }));
    const target = server.received[0]?.url ?? '';
    const prefix = '/v3/campaigns/';
    expect(target.startsWith(prefix)).toBe(true);
    const segment = target.slice(prefix.length);
    expect(segment).not.toMatch(/[/?#]/);
    expect(decodeURIComponent(segment)).toBe(id);
  });

  it('encodes every parameter of a path with two', async () => {
    const server = await echo();
    const isc = clientFor(server.origin, token);
    await unwrap(
      isc.GET('/certifications/{certificationId}/access-review-items/{itemId}/permissions', {
        params: { path: { certificationId: 'c/1', itemId: 'i?2' } },
      }),
    );
    expect(server.received[0]?.url).toBe(
      '/v3/certifications/c%2F1/access-review-items/i%3F2/permissions',
    );
  });
});

describe('values that cannot be one segment are refused before anything is sent', () => {
  it.each([
    ['"."', '.', 'is "."'],
    ['".."', '..', 'is ".."'],
    ['an empty string', '', 'is an empty string'],
    ['a lone surrogate', 'a\ud800b', 'not well-formed Unicode'],
    ['an object', { id: 1 }, 'must be a string or a finite number'],
    ['undefined', undefined, 'is missing'],
  ])('%s', async (_name, id, problem) => {
    const server = await echo();
    const isc = clientFor(server.origin, token);
    const error = await isc
      .GET('/campaigns/{id}', { params: { path: { id: id as string } } })
      .catch((caught: unknown) => caught);
    expect(isIscPathParamError(error)).toBe(true);
    expect(error).toMatchObject({ param: 'id', path: '/campaigns/{id}' });
    expect((error as Error).message).toContain(problem);
    expect(server.received).toHaveLength(0);
  });

  it('refuses a call without params.path at all', async () => {
    const isc = clientFor('http://127.0.0.1:9', token);
    // @ts-expect-error the path parameter is required
    await expect(isc.GET('/campaigns/{id}')).rejects.toMatchObject({
      name: 'IscPathParamError',
      param: 'id',
    });
  });
});

describe('encodePath', () => {
  it.each<[string, string, Record<string, unknown>, string]>([
    ['a path without parameters', '/campaigns', { id: 'x' }, '/campaigns'],
    ['one parameter', '/campaigns/{id}', { id: 'a b' }, '/campaigns/a%20b'],
    ['a number', '/campaigns/{id}', { id: 42 }, '/campaigns/42'],
    ['zero', '/campaigns/{id}', { id: 0 }, '/campaigns/0'],
    ['two parameters', '/c/{a}/i/{b}/p', { a: '1', b: '2' }, '/c/1/i/2/p'],
    ['a brace that never closes', '/campaigns/{id', { id: 'x' }, '/campaigns/{id'],
    ['an empty name', '/x/{}', { '': 'v' }, '/x/v'],
  ])('places %s', (_name, template, values, expected) => {
    expect(encodePath(template, values)).toBe(expected);
  });

  it('leaves the base alone and names the path without it', () => {
    const base = 'https://isc.example.test/{tenant}/v3';
    expect(encodePath(`${base}/campaigns/{id}`, { id: 'c/1' }, base)).toBe(
      `${base}/campaigns/c%2F1`,
    );
    expect(() => encodePath(`${base}/campaigns/{id}`, {}, base)).toThrow(
      'Path parameter "id" of /campaigns/{id} is missing',
    );
    // A URL that does not start with the base is read whole.
    expect(() => encodePath('/other/{id}', {}, base)).toThrow('of /other/{id} is missing');
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'is missing'],
    ['NaN', NaN, 'must be a string or a finite number, got number'],
    ['Infinity', Infinity, 'must be a string or a finite number, got number'],
    ['a boolean', true, 'must be a string or a finite number, got boolean'],
    ['an array', ['a'], 'must be a string or a finite number, got an array'],
  ])('refuses %s', (_name, value, problem) => {
    expect(() => encodePath('/campaigns/{id}', { id: value })).toThrow(
      `Path parameter "id" of /campaigns/{id} ${problem}`,
    );
  });
});
