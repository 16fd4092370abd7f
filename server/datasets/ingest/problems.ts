import { ApiError } from '@/server/http/errors';

export interface Problem {
  /** The file (path in the archive) or row ("row 12") at fault. */
  name: string;
  reason: string;
}

/** A refused upload: the message names the first offenders, `details.problems` lists them. */
export function uploadRefused(summary: string, problems: Problem[], code: 'bad_request' | 'payload_too_large' = 'bad_request'): ApiError {
  const shown = problems
    .slice(0, 3)
    .map((p) => `${p.name}: ${p.reason}`)
    .join('; ');
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return new ApiError(code, shown ? `${summary} ${shown}${more}.` : summary, { problems: problems.slice(0, 200) });
}

/** Compares names so that "2" sorts before "10" and "img9" before "img10". */
export const naturalCompare = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;
