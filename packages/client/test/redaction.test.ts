// What the client scrubs from text before it reaches an error message, a log event or `toJSON`:
// bearer tokens, JWTs, credential-looking name=value pairs, URL user info, and the known secrets in
// every spelling a server may echo them in. Unit tests of the redaction functions, plus the places
// that use them.

import { describe, expect, it } from 'vitest';
import { IscNetworkError, IscTimeoutError, unwrap } from '../src/index.js';
import { redactBody, redactSecrets, redactText, redactUrl } from '../src/internal/redact.js';
import { clientFor } from './support/fixtures.js';
import { json, scriptedFetch } from './support/scripted-fetch.js';

const R = '[REDACTED]';

describe('redactText', () => {
  it.each<[string, string, string]>([
    [
      'a bearer token',
      'sent Authorization: Bearer abc.def-123 to x',
      `sent Authorization: Bearer ${R} to x`,
    ],
    ['a bearer token in any case', 'BEARER   tok9', `BEARER   ${R}`],
    ['a bearer token ending at a quote', '"Bearer tok9", next', `"Bearer ${R}", next`],
    [
      'a bearer token ending at a comma or semicolon',
      'Bearer a1;Bearer b2,c',
      `Bearer ${R};Bearer ${R},c`,
    ],
    [
      'a JWT anywhere',
      'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature_1 used',
      `token ${R} used`,
    ],
    ['a JWT with an empty signature', 'x eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0. y', `x ${R} y`],
    ['a secret query parameter', '/x?client_secret=s3cr3t&page=2', `/x?client_secret=${R}&page=2`],
    [
      'an access_token parameter',
      'url?a=1&access_token=abc#frag',
      `url?a=1&access_token=${R}#frag`,
    ],
    ['a password in a form body', 'user=bob password=hunter2', `user=bob password=${R}`],
    ['a pwd after a semicolon', 'a=1;pwd=p', `a=1;pwd=${R}`],
    // The value runs to the next &, # or space: a comma right after it goes too.
    ['an api key', 'key: api-key=K1, apikey=K2', `key: api-key=${R} apikey=${R}`],
    ['a signature', 'X-Amz-Signature=abc', `X-Amz-Signature=${R}`],
    ['a credential', 'credential=c', `credential=${R}`],
    ['an authorization pair', 'authorization=Basic', `authorization=${R}`],
    ['an assertion', 'client_assertion=a.b.c', `client_assertion=${R}`],
    ['a passwd', 'passwd=x', `passwd=${R}`],
    ['a refresh_token at the start', 'refresh_token=r1&x=2', `refresh_token=${R}&x=2`],
    [
      'a name that goes on after the word',
      'secret_key=k1&tokenType=t',
      `secret_key=${R}&tokenType=${R}`,
    ],
  ])('replaces %s', (_name, text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each([
    'page=2&limit=250',
    'filters=name eq "Q3"',
    'the last word is bearer',
    'eyJ without dots',
    'status ACTIVE, tokens: 3',
  ])('leaves %j alone', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('redactUrl', () => {
  it.each<[string, string]>([
    ['https://user:pass@isc.example.test/v3/x', 'https://isc.example.test/v3/x'],
    ['https://user@isc.example.test', 'https://isc.example.test'],
    [
      'https://isc.example.test/v3/x?token=t1&page=2',
      `https://isc.example.test/v3/x?token=${R}&page=2`,
    ],
    ['https://u:p@isc.example.test/x?secret=s#k', `https://isc.example.test/x?secret=${R}#k`],
    [
      'https://isc.example.test/v3/x#access_token=t',
      `https://isc.example.test/v3/x#access_token=${R}`,
    ],
    // An @ in the path or query is not user info.
    ['https://isc.example.test/v3/a@b', 'https://isc.example.test/v3/a@b'],
    ['https://isc.example.test/v3/x?mail=a@b.test', 'https://isc.example.test/v3/x?mail=a@b.test'],
    ['not a url @ all', 'not a url @ all'],
    ['/relative/path?x=1', '/relative/path?x=1'],
    // An @ before the scheme separator is not user info either (a URL inside the query).
    ['/v3/a@b?next=https://isc.example.test/x', '/v3/a@b?next=https://isc.example.test/x'],
  ])('%s -> %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('leaves a URL without query or fragment as it is, even when it looks like a pair', () => {
    expect(redactUrl('https://isc.example.test/v3/token=abc')).toBe(
      'https://isc.example.test/v3/token=abc',
    );
  });
});

describe('redactSecrets', () => {
  const SECRET = 'sEcReT/+value=1';

  it.each<[string, string]>([
    ['as written', `echo ${SECRET} done`],
    ['percent-encoded', `echo ${encodeURIComponent(SECRET)} done`],
    ['twice', `${SECRET}${SECRET}`],
  ])('removes a known secret %s', (_name, text) => {
    const out = redactSecrets(text, [SECRET]);
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain(encodeURIComponent(SECRET));
    expect(out).toContain(R);
  });

  it('removes a secret written with JSON escapes, returning the decoded text', () => {
    const escaped = SECRET.replaceAll('/', '\\/');
    expect(redactSecrets(`{"a":"${escaped} \\u0041"}`, [SECRET])).toBe(`{"a":"${R} A"}`);
    const unicode = [...SECRET].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(redactSecrets(`x ${unicode.join('')} y`, [SECRET])).toBe(`x ${R} y`);
  });

  it('leaves escapes that spell no secret as they were', () => {
    expect(redactSecrets('line\\nbreak \\u0041', [SECRET])).toBe('line\\nbreak \\u0041');
  });

  it('ignores secrets shorter than four characters (they would scrub ordinary words)', () => {
    expect(redactSecrets('the cat sat', ['cat'])).toBe('the cat sat');
    expect(redactSecrets('the cats sat', ['cats'])).toBe(`the ${R} sat`);
  });

  it('applies the patterns too', () => {
    expect(redactSecrets('Bearer abc and x', [])).toBe(`Bearer ${R} and x`);
  });
});

describe('redactBody', () => {
  const SECRET = 'body-secret-42';

  it('scrubs every string of a JSON body, keys included, and keeps its structure', () => {
    const body = JSON.stringify({
      message: `bad ${SECRET}`,
      list: [`${SECRET}`, 3, null, { deep: `x ${SECRET}` }],
      [SECRET]: true,
      count: 2,
    });
    expect(JSON.parse(redactBody(body, [SECRET]))).toEqual({
      message: `bad ${R}`,
      list: [R, 3, null, { deep: `x ${R}` }],
      [R]: true,
      count: 2,
    });
  });

  it('reads JSON after leading whitespace, arrays and strings', () => {
    expect(redactBody(`  ["${SECRET}"]`, [SECRET])).toBe(`["${R}"]`);
    expect(redactBody(`"${SECRET}"`, [SECRET])).toBe(`"${R}"`);
  });

  it('keeps a __proto__ key as a key', () => {
    const out = JSON.parse(redactBody('{"__proto__":{"polluted":1},"a":1}', [])) as object;
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });

  it('keeps JSON bodies valid JSON when a secret in them was written with escapes', () => {
    const secret = 'esc/secret-9';
    const escaped = secret.replace('/', '\\/');
    // Each form holds an escaped quote besides the escaped secret, and a null.
    expect(JSON.parse(redactBody(`{"m":"said \\"${escaped}\\"","n":null}`, [secret]))).toEqual({
      m: `said "${R}"`,
      n: null,
    });
    expect(JSON.parse(redactBody(`["\\"${escaped}\\"",null]`, [secret]))).toEqual([`"${R}"`, null]);
    // A JSON string followed by a line break, as a server may send it.
    expect(JSON.parse(redactBody(`"\\"${escaped}\\""\n`, [secret]))).toBe(`"${R}"`);
  });

  it('leaves JSON scalars and text as they were written', () => {
    expect(redactBody('1.50', [])).toBe('1.50');
    expect(redactBody(' true ', [])).toBe(' true ');
  });

  it('scrubs text that is not JSON as text', () => {
    expect(redactBody(`{not json ${SECRET}`, [SECRET])).toBe(`{not json ${R}`);
    expect(redactBody(`plain ${SECRET}`, [SECRET])).toBe(`plain ${R}`);
  });
});

describe('where redaction applies', () => {
  it('error URLs lose user info and credential parameters', () => {
    const network = new IscNetworkError(
      'GET',
      'https://u:p@isc.example.test/v3/x?token=t',
      'failed with Bearer abc',
    );
    expect(network.url).toBe(`https://isc.example.test/v3/x?token=${R}`);
    expect(network.message).toBe(
      `GET https://isc.example.test/v3/x?token=${R} failed: failed with Bearer ${R}`,
    );
    const timeout = new IscTimeoutError(5, 'POST', 'https://isc.example.test/v3/x?secret=s');
    expect(timeout.url).toBe(`https://isc.example.test/v3/x?secret=${R}`);
    expect(timeout.message).toBe(
      `POST https://isc.example.test/v3/x?secret=${R} timed out after 5 ms`,
    );
  });

  it('log events carry redacted URLs only where the caller put credentials in the query', async () => {
    const scripted = scriptedFetch(() => json({ message: 'no' }, 404));
    const isc = clientFor('https://isc.example.test', {
      auth: { accessToken: 'tok' },
      fetch: scripted.fetch,
    });
    const error = await unwrap(
      isc.GET('/campaigns', { params: { query: { filters: 'x', api_key: 'k-123' } as never } }),
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      url: `https://isc.example.test/v3/campaigns?filters=x&api_key=${R}`,
    });
    expect((error as Error).message).not.toContain('k-123');
  });

  it('an error body that is not JSON is excerpted (300 characters) and scrubbed', async () => {
    const text = `trace Bearer live-token ${'z'.repeat(400)}`;
    const scripted = scriptedFetch(
      () => new Response(text, { status: 502, headers: { 'content-type': 'text/plain' } }),
    );
    const isc = clientFor('https://isc.example.test', {
      auth: { accessToken: 'tok' },
      retry: false,
      fetch: scripted.fetch,
    });
    const error = (await unwrap(isc.GET('/campaigns')).catch((caught: unknown) => caught)) as Error;
    expect(error.message).toBe(
      `GET https://isc.example.test/v3/campaigns failed with status 502; body (not JSON): ` +
        `${redactText(text.slice(0, 300))}...`,
    );
    expect(error.message).not.toContain('live-token');
  });
});
