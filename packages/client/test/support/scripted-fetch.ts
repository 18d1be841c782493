// An injected `fetch` that answers from a script instead of the network, and records what the client
// handed it. For the tests whose hosts must not be reached (a redirect to a public host, a tenant
// host), or whose answers are easier to build as Response objects than on a loopback server.

/** One call of the injected fetch, as the client made it. */
export interface ScriptedCall {
  readonly url: string;
  readonly method: string;
  /** The headers the client sent, lower-case names. */
  readonly headers: Record<string, string>;
  /** The body as text (`null` when there was none). */
  readonly body: string | null;
  readonly redirect: RequestRedirect | undefined;
}

/** Answers the `index`-th call (0-based). */
export type Script = (call: ScriptedCall, index: number) => Response | Promise<Response>;

/** The fetch and the calls it received, in order. */
export interface ScriptedFetch {
  readonly calls: ScriptedCall[];
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
}

/** A fetch answering every call with `script`. */
export function scriptedFetch(script: Script): ScriptedFetch {
  const calls: ScriptedCall[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      const body =
        init.body === null || init.body === undefined ? null : await new Response(init.body).text();
      const call: ScriptedCall = {
        url,
        method: init.method ?? 'GET',
        headers: { ...(init.headers as Record<string, string>) },
        body,
        redirect: init.redirect,
      };
      calls.push(call);
      return script(call, calls.length - 1);
    },
  };
}

/** A JSON response. */
export function json(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A redirect to `location` (no Location header when it is undefined). */
export function redirect(status: number, location: string | undefined): Response {
  return new Response(null, {
    status,
    headers: location === undefined ? {} : { location },
  });
}
