/**
 * openapi-fetch's default body serialiser: FormData as is, form-encoded when the request's content type
 * is `application/x-www-form-urlencoded`, JSON otherwise. `headers` has lower-case names.
 */
export function serializeBody(
  body: unknown,
  headers?: Record<string, string | null>,
): string | FormData {
  if (body instanceof FormData) return body;
  return headers?.['content-type'] === 'application/x-www-form-urlencoded'
    ? new URLSearchParams(body as Record<string, string>).toString()
    : JSON.stringify(body);
}
