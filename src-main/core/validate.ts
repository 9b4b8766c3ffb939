import type { z } from 'zod';
import { ArchiveError } from './errors';

/** Validates untrusted input; the refusal names the field so the person can fix it. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const detail = result.error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  throw new ArchiveError('input.invalid', { detail });
}
