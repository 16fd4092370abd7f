import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics';
import { type MigrationResult, migrateGraph } from './migrations';
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDoc, GraphDocSchema } from './schema';

export type ParseResult = { ok: true; doc: GraphDoc; migrated: string[] } | { ok: false; diagnostics: Diagnostic[] };

const malformed = (message: string, hint: string): ParseResult => ({
  ok: false,
  diagnostics: [{ code: 'malformed_document', severity: 'error', message, hint }],
});

/**
 * Reads a graph document from JSON text or a parsed value: checks the format tag, migrates older
 * versions forward, then validates strictly. Never throws; every problem becomes a diagnostic that
 * names the node and field at fault.
 */
export function parseGraph(input: unknown): ParseResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return malformed(
        `The file is not valid JSON: ${(error as Error).message}`,
        'The file may be truncated or damaged; open the original or a saved version instead.',
      );
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return malformed('A graph document must be a JSON object.', 'Open a graph saved by NetCanvas, or import a model file instead.');
  }
  const raw = value as Record<string, unknown>;
  if (raw.format !== GRAPH_FORMAT) {
    return malformed(
      `Expected "format": "${GRAPH_FORMAT}", got ${JSON.stringify(raw.format) ?? 'nothing'}.`,
      'Model files from Keras or TensorFlow.js are opened with import, not as graphs.',
    );
  }
  const migration = migrateGraph(raw, GRAPH_VERSION);
  if (!migration.ok) return { ok: false, diagnostics: [migrationDiagnostic(migration)] };
  const parsed = GraphDocSchema.safeParse(migration.doc);
  if (!parsed.success) return { ok: false, diagnostics: zodIssuesToDiagnostics(parsed.error.issues, migration.doc) };
  return { ok: true, doc: parsed.data, migrated: migration.applied };
}

/**
 * The diagnostic for a document that cannot be brought to the current version: a newer format is
 * `unsupported_version`; a damaged version field, a missing or failing step is `malformed_document`.
 */
export function migrationDiagnostic(failure: Extract<MigrationResult, { ok: false }>): Diagnostic {
  if (failure.reason === 'too_new') {
    return {
      code: 'unsupported_version',
      severity: 'error',
      field: 'version',
      message: failure.message,
      hint: 'Open it with a newer NetCanvas.',
    };
  }
  return {
    code: 'malformed_document',
    severity: 'error',
    field: 'version',
    message: failure.message,
    hint:
      failure.reason === 'step_failed'
        ? 'The document could not be upgraded to this version; open it with the NetCanvas that saved it and save it again.'
        : 'The version field is damaged; it must be the whole number the document was saved with.',
  };
}

function zodIssuesToDiagnostics(issues: readonly z.core.$ZodIssue[], raw: Record<string, unknown>): Diagnostic[] {
  return issues.slice(0, 50).map((issue) => {
    const path = issue.path.map(String);
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const diagnostic: Diagnostic = {
      code: 'malformed_document',
      severity: 'error',
      message: `${path.join('.') || 'document'}: ${issue.message}`,
    };
    const [collection, index, ...rest] = path;
    const inItem = (collection === 'nodes' || collection === 'edges') && index !== undefined;
    const item = inItem ? pick(raw[collection], Number(index)) : undefined;
    const id = item && typeof item.id === 'string' ? item.id : undefined;
    if (id && collection === 'nodes') diagnostic.nodeId = id;
    if (id && collection === 'edges') diagnostic.edgeId = id;
    const field = [...(inItem ? rest : path), ...keys.slice(0, 1)].join('.');
    if (field) diagnostic.field = field;
    diagnostic.hint = hintFor(issue, field || 'document', keys);
    return diagnostic;
  });
}

function hintFor(issue: z.core.$ZodIssue, field: string, keys: readonly string[]): string {
  if (keys.length > 0) return `Remove ${keys.map((k) => `"${k}"`).join(', ')}: graph documents have no such field there.`;
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return `Add the missing "${field}".`;
  return `Correct "${field}": ${issue.message.replace(/^Invalid (input|option): /, '')}.`;
}

function pick(list: unknown, index: number): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  const item: unknown = list[index];
  return typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : undefined;
}
