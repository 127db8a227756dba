import { SingleBar } from 'cli-progress';

/** What the terminal shows while a file imports. */
export interface ImportProgress {
  /** Bytes of the file read so far, and the rows and row errors of the batches done. */
  update(bytesRead: number, progress: { readonly rows: number; readonly errors: number }): void;
  stop(): void;
}

/**
 * A cli-progress bar on stderr: share of the file read, rows, rows/s and row errors so far. On a
 * terminal it redraws in place; otherwise it prints a line every few seconds.
 */
export function progressBar(fileBytes: number, stream: NodeJS.WritableStream = process.stderr): ImportProgress {
  const bar = new SingleBar({
    stream,
    format: 'importing [{bar}] {percentage}% | {rows} rows | {rate} rows/s | {errors} errors | {duration_formatted}',
    barsize: 24,
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 2000,
  });
  const started = Date.now();
  let rows = 0;
  let errors = 0;
  const payload = (): Record<string, string> => ({
    rows: rows.toLocaleString('en-US'),
    errors: errors.toLocaleString('en-US'),
    rate: Math.round(rows / Math.max((Date.now() - started) / 1000, 0.001)).toLocaleString('en-US'),
  });
  bar.start(Math.max(fileBytes, 1), 0, payload());
  return {
    update(bytesRead, progress) {
      rows = progress.rows;
      errors = progress.errors;
      bar.update(Math.min(bytesRead, fileBytes), payload());
    },
    stop() {
      bar.stop();
    },
  };
}
