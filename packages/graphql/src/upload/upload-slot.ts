import { PassThrough, type Readable } from 'node:stream';
import type { CsvFile } from '../csv-import.js';

/**
 * One file the `map` of a multipart request promises, handed to resolvers before its bytes
 * arrive: reading it waits for the file part and then streams it. Whatever a resolver leaves
 * unread is discarded, so the rest of the request body keeps flowing.
 */
export class UploadSlot {
  private readonly pipe = new PassThrough();
  private source: Readable | undefined;
  private discarding = false;

  constructor() {
    // The resolver may not have started reading when the body fails; it sees the error on read.
    this.pipe.on('error', () => undefined);
    this.pipe.on('close', () => {
      this.discarding = true;
      this.source?.unpipe(this.pipe);
      this.source?.resume();
    });
  }

  /** The `Upload` value of the variables; a failure of the body reaches its reader as the stream's error (the first one wins). */
  readonly file: CsvFile = { stream: () => this.pipe };

  /** The file part arrived: its bytes flow to the reader, or into nothing if nobody reads. */
  attach(source: Readable, failure: (cause: Error) => Error): void {
    this.source = source;
    source.on('error', (cause: Error) => this.fail(failure(cause)));
    if (this.discarding) source.resume();
    else source.pipe(this.pipe);
  }

  get attached(): boolean {
    return this.source !== undefined;
  }

  /** The body ended or broke before this file was complete. */
  fail(error: Error): void {
    this.pipe.destroy(error);
  }

  /** The response is out: nothing reads this file any more. */
  discard(): void {
    this.pipe.destroy();
  }
}
