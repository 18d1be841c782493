// The client's own request and result types against openapi-fetch's, for every operation of the spec:
// the client does not load openapi-fetch's declarations, so these tests keep the two in step.
import type { paths } from '@isc-sdk/types';
import type {
  Client,
  FetchOptions,
  FetchResponse,
  Middleware as OpenapiFetchMiddleware,
} from 'openapi-fetch';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  IscCallInit,
  IscHttpMethod,
  IscOperation,
  IscResult,
  Middleware,
} from '../src/index.js';

/** True when A and B are the same type (not merely mutually assignable). */
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** `"<method> <path>"` of every operation for which `Check` is not `true`. */
type Failing<Check extends Record<string, true | false>> = {
  [Key in keyof Check]: Check[Key] extends true ? never : Key;
}[keyof Check];

type Operations = {
  [Path in keyof paths]: {
    [Method in IscHttpMethod]: paths[Path][Method] extends undefined ? never : [Path, Method];
  }[IscHttpMethod];
}[keyof paths];

type ResultsMatch<Init> = {
  [Entry in Operations as `${Entry[1]} ${Entry[0]}`]: Same<
    IscResult<IscOperation<Entry[0], Entry[1]>, Init>,
    FetchResponse<IscOperation<Entry[0], Entry[1]>, Init, `${string}/${string}`>
  >;
};

type InitsMatch = {
  [Entry in Operations as `${Entry[1]} ${Entry[0]}`]: Same<
    Pick<IscCallInit<IscOperation<Entry[0], Entry[1]>>, 'params' | 'body'>,
    Pick<FetchOptions<IscOperation<Entry[0], Entry[1]>>, 'params' | 'body'>
  >;
};

describe('the same types as openapi-fetch', () => {
  it('gives every operation openapi-fetch’s result type', () => {
    expectTypeOf<Failing<ResultsMatch<object>>>().toEqualTypeOf<never>();
    expectTypeOf<Failing<ResultsMatch<{ parseAs: 'text' }>>>().toEqualTypeOf<never>();
    expectTypeOf<Failing<ResultsMatch<{ parseAs: 'stream' }>>>().toEqualTypeOf<never>();
  });

  it('gives every operation openapi-fetch’s params and body options', () => {
    expectTypeOf<Failing<InitsMatch>>().toEqualTypeOf<never>();
  });

  it('accepts openapi-fetch middleware, and its middleware fits openapi-fetch', () => {
    expectTypeOf<OpenapiFetchMiddleware>().toExtend<Middleware>();
    expectTypeOf<Middleware>().toExtend<OpenapiFetchMiddleware>();
    expectTypeOf<Client<paths>['use']>().toBeCallableWith({} as Middleware);
  });
});
