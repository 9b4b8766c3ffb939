import type { z } from 'zod';
import { ArchiveError } from './errors';

const MAX_PATH_PART = 64;
const MAX_ISSUE = 300;
/** The most a refusal's detail carries into a message and a journal entry. */
export const MAX_DETAIL = 1000;

/** At most `max` characters, never ending in half a surrogate pair, marked when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end)}…`;
}

/** Validates untrusted input; the refusal names the field so the person can fix it. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  // Capped: a refused request must not carry (or echo, or journal) megabytes of what it was sent.
  const detail = result.error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.map((part) => clip(String(part), MAX_PATH_PART)).join('.');
      return clip(path ? `${path}: ${issue.message}` : issue.message, MAX_ISSUE);
    })
    .join('; ');
  throw new ArchiveError('input.invalid', { detail: clip(detail, MAX_DETAIL) });
}
