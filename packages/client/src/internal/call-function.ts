/** What every call of the client resolves to (openapi-fetch's result shape). */
export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The client's single entry for a call: method (upper case), path template and openapi-fetch init. */
export type CallFunction = (
  method: string,
  path: string,
  init: Record<string, unknown> | undefined,
) => Promise<CallResult>;
