import { validationFailed, type Issue } from '@inventory/core';
import type { z } from 'zod';

/** Zod's issues as core issues: dotted paths, one issue per unknown key naming that key. */
export function toIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): Issue[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: dotted([...path, key]), message: 'is not allowed' }));
    }
    return [{ path: dotted(path), message: issue.message }];
  });
}

/** Parses input with a schema or throws VALIDATION_FAILED (400 10007) naming every bad path. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(toIssues(result.error), `Invalid ${what}`);
  return result.data;
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}
