// Edges of the typed errors found by mutation testing: which prefix an auth error carries, where an
// excerpt is cut, bodies that are JSON scalars or null, OAuth bodies with an empty description, and
// the cause property as Error defines it.

import { describe, expect, it } from 'vitest';
import { apiErrorFromResponse } from '../src/errors/api-errors.js';
import { IscApiError, IscError } from '../src/index.js';

describe('API errors at their edges', () => {
  it('prefixes only token endpoint failures with "Could not obtain an access token"', () => {
    const api = apiErrorFromResponse(new Response(null, { status: 401 }), { error: 'expired' });
    expect(api.message).toBe('request  failed with status 401: expired');
    const forbidden = apiErrorFromResponse(new Response(null, { status: 403 }), undefined);
    expect(forbidden.message).toBe('request  failed with status 403 and an empty body');
  });

  it('quotes a text body of exactly 300 characters whole, and cuts a longer one', () => {
    const exact = 'e'.repeat(300);
    expect(apiErrorFromResponse(new Response(null, { status: 502 }), exact).message).toBe(
      `request  failed with status 502; body (not JSON): ${exact}`,
    );
    expect(apiErrorFromResponse(new Response(null, { status: 502 }), `${exact}f`).message).toBe(
      `request  failed with status 502; body (not JSON): ${exact}...`,
    );
  });

  it('says an empty body is empty, however it arrives', () => {
    const direct = new IscApiError({
      status: 500,
      method: 'GET',
      url: 'https://x.test/',
      body: '',
    });
    expect(direct.message).toBe('GET https://x.test/ failed with status 500 and an empty body');
    const parsed = apiErrorFromResponse(new Response(null, { status: 500 }), '');
    expect(parsed.body).toBeUndefined();
    expect(parsed.message).toBe('request  failed with status 500 and an empty body');
  });

  it.each<[string, unknown, unknown, string]>([
    ['a quoted string', '"a{b"', '"a{b"', '; body (not JSON): "a{b"'],
    ['a number', '42', '42', '; body (not JSON): 42'],
    ['JSON null', null, null, ''],
  ])('keeps %s as the body', (_name, body, expected, tail) => {
    const error = apiErrorFromResponse(new Response(null, { status: 500 }), body);
    expect(error.body).toBe(expected);
    expect(error.messages).toEqual([]);
    expect(error.message).toBe(`request  failed with status 500${tail}`);
  });

  it('does not read the OAuth error code as a message when the description is empty', () => {
    const error = apiErrorFromResponse(new Response(null, { status: 400 }), {
      error: 'invalid_grant',
      error_description: ' ',
    });
    expect(error).toMatchObject({ detailCode: 'invalid_grant', messages: [] });
  });
});

describe('the cause of an isc-sdk error', () => {
  it('is a writable, configurable, hidden property, as on Error', () => {
    const error = new IscError('x', new Error('inner'));
    expect(Object.getOwnPropertyDescriptor(error, 'cause')).toMatchObject({
      writable: true,
      configurable: true,
      enumerable: false,
    });
  });

  it('is summarised as text when it is null', () => {
    expect(new IscError('x', null).toJSON()['cause']).toBe('null');
  });

  it('is summarised three levels deep and no further', () => {
    const fourth = new Error('fourth');
    const third = new Error('third', { cause: fourth });
    const second = new Error('second', { cause: third });
    const first = new Error('first', { cause: second });
    expect(new IscError('x', first).toJSON()['cause']).toEqual({
      name: 'Error',
      message: 'first',
      cause: { name: 'Error', message: 'second', cause: { name: 'Error', message: 'third' } },
    });
  });
});
