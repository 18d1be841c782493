/** The standard detail codes of the ErrorResponseDto bodies the tenant sends. */
export const DETAIL_CODES = {
  400: '400.1 Bad Request Content',
  403: '403 Forbidden',
  404: '404 Not found',
  413: '413 Payload Too Large',
  500: '500.0 Internal Fault',
  503: '503 Service Unavailable',
} as const;

/** Status codes answered with an ErrorResponseDto. */
export type ProblemStatus = keyof typeof DETAIL_CODES;

/**
 * Thrown inside the tenant by an operation handler to answer with an ErrorResponseDto: `text`
 * becomes the message and `causes` the body's `causes` list. It never leaves the package (the
 * pipeline turns it into a response), so a plain `instanceof` check is enough.
 */
export class ApiProblem extends Error {
  readonly status: ProblemStatus;
  readonly causes: readonly string[];

  constructor(status: ProblemStatus, text: string, causes: readonly string[] = []) {
    super(text);
    this.name = 'ApiProblem';
    this.status = status;
    this.causes = causes;
  }
}

/** A 400 with the given text. */
export const badRequest = (text: string, causes?: readonly string[]): ApiProblem =>
  new ApiProblem(400, text, causes);

/** A 404 naming the kind of object and its ID. */
export const notFound = (kind: string, id: string): ApiProblem =>
  new ApiProblem(404, `The ${kind} with ID ${id} was not found.`);
