// A Response whose body is already in memory. The transport reads every body to the end (to retry a
// body cut off mid-way and to bound its size); re-wrapping the bytes in a standard Response would build
// a new stream per call, so this subclass answers `text()`, `json()` and the rest from the bytes and
// builds a stream only if someone asks for `body`.
//
// The class is defined on first use: naming the global `Response` at import time would make Node load
// its fetch implementation (about 20 ms) for programs that only import the client.

import { decodeText } from './decode-text.js';

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** A fully read response: every body method works, once, as on a standard Response. */
export interface BufferedResponse extends Response {
  /** The body as text, synchronously (the body counts as read afterwards). */
  textNow(): string;
}

let BufferedResponseClass:
  (new (bytes: Uint8Array, init: ResponseInit) => BufferedResponse) | undefined;

/** A BufferedResponse over `bytes`. */
export function bufferedResponse(bytes: Uint8Array, init: ResponseInit): BufferedResponse {
  BufferedResponseClass ??= defineBufferedResponse();
  return new BufferedResponseClass(bytes, init);
}

/** True when `response` was made by `bufferedResponse`. */
export function isBufferedResponse(response: Response): response is BufferedResponse {
  return BufferedResponseClass !== undefined && response instanceof BufferedResponseClass;
}

function defineBufferedResponse() {
  return class BufferedResponseImpl extends Response implements BufferedResponse {
    readonly #bytes: Uint8Array;
    #used = false;
    #stream: ReadableStream<Uint8Array<ArrayBuffer>> | null | undefined;

    constructor(bytes: Uint8Array, init: ResponseInit) {
      super(null, init);
      this.#bytes = NULL_BODY_STATUSES.has(init.status ?? 200) ? new Uint8Array(0) : bytes;
    }

    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      if (this.#stream === undefined) {
        this.#stream =
          this.#bytes.byteLength === 0 ? null : new Response(this.#bytes as BodyInit).body;
      }
      return this.#stream;
    }

    override get bodyUsed(): boolean {
      return this.#used || (this.#stream?.locked ?? false);
    }

    override async text(): Promise<string> {
      return this.textNow();
    }

    /** The body as text, synchronously (the body counts as read afterwards). */
    textNow(): string {
      return decodeText(this.#take());
    }

    override async json(): Promise<any> {
      return JSON.parse(await this.text());
    }

    override async arrayBuffer(): Promise<ArrayBuffer> {
      return this.#take().slice().buffer as ArrayBuffer;
    }

    override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return this.#take().slice() as Uint8Array<ArrayBuffer>;
    }

    override async blob(): Promise<Blob> {
      return new Blob([this.#take() as BlobPart], { type: this.headers.get('content-type') ?? '' });
    }

    override async formData(): Promise<FormData> {
      return new Response(this.#take() as BodyInit, { headers: this.headers }).formData();
    }

    override clone(): BufferedResponse {
      if (this.bodyUsed) throw new TypeError('Response.clone: the body has already been read');
      const copy = new BufferedResponseImpl(this.#bytes, this);
      Object.defineProperty(copy, 'url', { value: this.url });
      return copy;
    }

    #take(): Uint8Array {
      if (this.bodyUsed) throw new TypeError('The body of this response has already been read');
      this.#used = true;
      return this.#bytes;
    }
  };
}
