// The request options and the result of one operation, computed from the generated `paths`. They give
// the same types as openapi-fetch's `FetchOptions` and `FetchResponse` (a test compares them for every
// operation), with fewer, flatter steps, and without loading openapi-fetch's declarations: checking
// those alone took longer than checking a whole consumer written against raw fetch.

import type { paths, Readable, Writable } from '@isc-sdk/types';
import type { Middleware } from './middleware-types.js';

/** The HTTP methods the V3 API uses, in openapi-typescript's lower case. */
export type IscHttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** Every path of the V3 API that has an operation for `Method`. */
export type IscPathsWithMethod<Method extends IscHttpMethod> = {
  [Path in keyof paths]: paths[Path] extends { [M in Method]: unknown } ? Path : never;
}[keyof paths];

/** The operation object of `Method` at `Path`. */
export type IscOperation<Path extends keyof paths, Method extends IscHttpMethod> = NonNullable<
  paths[Path][Method]
>;

type MediaType = `${string}/${string}`;
type OkStatus = 200 | 201 | 202 | 203 | 204 | 206 | 207 | '2XX';
// prettier-ignore
type ErrorStatus =
  | 400 | 401 | 402 | 403 | 404 | 405 | 406 | 407 | 408 | 409 | 410 | 411 | 412 | 413 | 414 | 415
  | 416 | 417 | 418 | 420 | 421 | 422 | 423 | 424 | 425 | 426 | 427 | 428 | 429 | 430 | 431 | 444
  | 450 | 451 | 497 | 498 | 499 | '4XX' | 500 | 501 | 502 | 503 | 504 | 505 | 506 | 507 | 508 | 510
  | 511 | '5XX' | 'default';

/** The body of one response (or request body) object: its JSON (or other) content. */
type ContentOf<Content> = [Content] extends [Record<string, any>]
  ? [Content[keyof Content & MediaType]] extends [never]
    ? Content
    : Content[keyof Content & MediaType]
  : Content;

/** The bodies of the responses of `Operation` whose status is one of `Status`. */
type BodyOfStatus<Operation, Status> = Operation extends {
  responses: infer Responses extends Record<string | number, any>;
}
  ? { [S in keyof Responses & Status]: ContentOf<Responses[S]['content']> }[keyof Responses &
      Status]
  : unknown;

/** `data` of a successful call to `Operation` (before `parseAs`). */
export type IscSuccessData<Operation> = Readable<BodyOfStatus<Operation, OkStatus>>;

/** `error` of a failed call to `Operation`: the parsed error body. */
export type IscErrorBody<Operation> = Readable<BodyOfStatus<Operation, ErrorStatus>>;

/** What `parseAs` turns a body into. */
interface ParsedAs<Data> {
  json: Data;
  text: string;
  blob: Blob;
  arrayBuffer: ArrayBuffer;
  stream: Response['body'];
}

/** How a success body is read: JSON (the default), text, a Blob, an ArrayBuffer, or the raw stream. */
export type IscParseAs = keyof ParsedAs<unknown>;

/** `data` as the call's `parseAs` option makes it. */
type ParsedData<Data, Init> = Init extends { parseAs: IscParseAs }
  ? ParsedAs<Data>[Init['parseAs']]
  : Data;

/**
 * What every call resolves to (openapi-fetch's shape): `data` for a 2xx, `error` (the parsed body)
 * otherwise, and the `response`.
 */
export type IscResult<Operation, Init> =
  | { data: ParsedData<IscSuccessData<Operation>, Init>; error?: never; response: Response }
  | { data?: never; error: IscErrorBody<Operation>; response: Response };

// `{} extends Parameters` holds exactly when no parameter group is required. It is one relation check,
// where a required-keys helper instantiates a mapped type and a `Pick` per key, for every operation.
type ParamsOption<Operation> = Operation extends { parameters: infer Parameters }
  ? {} extends Parameters
    ? { params?: Parameters }
    : { params: Parameters }
  : { params?: { query?: Record<string, unknown> } };

type RequestBodyOf<Body> = Body extends { content: infer Content } ? ContentOf<Content> : never;

type BodyOption<Operation> = Operation extends { requestBody: infer Body }
  ? { body: Writable<RequestBodyOf<Body>> }
  : Operation extends { requestBody?: infer Body }
    ? [RequestBodyOf<NonNullable<Body>>] extends [never]
      ? { body?: never }
      : { body?: Writable<RequestBodyOf<NonNullable<Body>>> }
    : { body?: never };

/** A header value: a string (or number or boolean), a list joined with `, `, or `null` to remove it. */
type HeaderValue = string | number | boolean | (string | number | boolean)[] | null | undefined;

/** Query serialisation styles for arrays and objects (openapi-fetch's `QuerySerializerOptions`). */
export interface IscQuerySerializerOptions {
  /** Arrays: `form` (`a=1&a=2`, the default), `spaceDelimited` or `pipeDelimited`. */
  array?: { style: 'form' | 'spaceDelimited' | 'pipeDelimited'; explode: boolean };
  /** Objects: `deepObject` (`a[b]=1`, the default) or `form`. */
  object?: { style: 'form' | 'deepObject'; explode: boolean };
  /** Leave reserved characters (`:/?#[]@!$&'()*+,;=`) unencoded. @default false */
  allowReserved?: boolean;
}

/** The options openapi-fetch accepts on every call, as the client understands them. */
export interface IscRequestOptions extends Omit<RequestInit, 'body' | 'headers' | 'method'> {
  /** Send this call to another base URL (the token is sent only to the client's own origin). */
  baseUrl?: string;
  /** Serialises `params.query` (a function, or the style options of the default serialiser). */
  querySerializer?: ((query: Record<string, unknown>) => string) | IscQuerySerializerOptions;
  /** Serialises `body` (default: JSON, form-encoded when the content type says so, FormData as is). */
  bodySerializer?: (body: any) => any;
  /** Places path parameters in the URL (default: one percent-encoded segment each, checked). */
  pathSerializer?: (pathname: string, pathParams: Record<string, unknown>) => string;
  /** How to read a success body. @default 'json' */
  parseAs?: IscParseAs;
  /** Headers for this call; `null` removes one the client would send. */
  headers?: HeadersInit | Record<string, HeaderValue>;
  /** Middleware for this call only, run after the client's own. */
  middleware?: Middleware[];
}

type OperationInit<Operation> = ParamsOption<Operation> & BodyOption<Operation>;

/**
 * Everything one call of `Operation` accepts besides the client's own per-call options.
 *
 * `params` and `body` form one mapped object rather than an intersection of the two conditional types.
 * Where the path is still generic (checking the methods' declarations, and a call before its path is
 * inferred), the compiler takes the constraint of this type: for the intersection, that resolves both
 * conditional types for every operation of the spec; a mapped type is its own constraint.
 */
export type IscCallInit<Operation> = {
  [Key in keyof OperationInit<Operation>]: OperationInit<Operation>[Key];
} & IscRequestOptions;
