import type { z } from 'zod';
import { setIn } from './set-in';

type Issue = z.core.$ZodIssue;

/**
 * What is wrong with `value` for the field at dotted `path` of an object schema, in the context of the
 * object's other values, in plain words (a sentence), or `null` when the schema accepts it there.
 * `undefined` returns the field to its default and is always fine.
 *
 * @example
 * fieldProblem(TrainingConfigSchema, {}, 'epochs', 0)   // 'Must be at least 1.'
 * fieldProblem(TrainingConfigSchema, {}, 'epochs', 12)  // null
 */
export function fieldProblem(schema: z.ZodType, values: Record<string, unknown>, path: string, value: unknown): string | null {
  const parsed = schema.safeParse(setIn(values, path, value));
  if (parsed.success) return null;
  const issue = parsed.error.issues.find((i) => covers(path, i.path.map(String).join('.')));
  return issue ? sentence(issueMessage(issue)) : null;
}

function covers(field: string, issuePath: string): boolean {
  return issuePath === field || issuePath.startsWith(`${field}.`);
}

const TYPE_WORDS: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  boolean: 'on or off',
  string: 'text',
  array: 'a list',
  object: 'a group of settings',
  null: 'empty',
};

/** A zod issue in a form's words. */
export function issueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      return bound(issue.origin, Number(issue.minimum), issue.inclusive !== false, 'min', issue.exact === true);
    case 'too_big':
      return bound(issue.origin, Number(issue.maximum), issue.inclusive !== false, 'max', issue.exact === true);
    case 'invalid_type':
      return `Must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value': {
      const shown = issue.values.slice(0, 8).map((v) => JSON.stringify(v));
      return `Must be one of ${shown.join(', ')}${issue.values.length > 8 ? ', …' : ''}`;
    }
    case 'invalid_union': {
      // The branch whose type the value had explains best; else list what would be accepted.
      const branches = issue.errors.filter((branch) => branch.length > 0);
      const typed = branches.find((branch) => branch[0]?.code !== 'invalid_type');
      if (typed?.[0]) return issueMessage(typed[0]);
      const expected = branches.flatMap((b) => (b[0]?.code === 'invalid_type' ? [TYPE_WORDS[b[0].expected] ?? b[0].expected] : []));
      return expected.length > 0 ? `Must be ${[...new Set(expected)].join(' or ')}` : issue.message;
    }
    case 'unrecognized_keys':
      return `Unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'Use letters, digits, ".", "-", "_" or "/", starting with a letter or digit' : issue.message;
    default:
      return issue.message;
  }
}

function bound(origin: string, limit: number, inclusive: boolean, side: 'min' | 'max', exact: boolean): string {
  if (origin === 'array' || origin === 'set') {
    if (exact) return `Needs exactly ${limit} value${limit === 1 ? '' : 's'}`;
    return `Needs ${side === 'min' ? 'at least' : 'at most'} ${limit} value${limit === 1 ? '' : 's'}`;
  }
  if (origin === 'string')
    return side === 'min' && limit === 1 ? 'Cannot be empty' : `At ${side === 'min' ? 'least' : 'most'} ${limit} characters`;
  if (side === 'min') return inclusive ? `Must be at least ${limit}` : `Must be greater than ${limit}`;
  return inclusive ? `Must be at most ${limit}` : `Must be less than ${limit}`;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
