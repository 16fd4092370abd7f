import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics';
import { migrateGraph } from './migrations';
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDoc, GraphDocSchema } from './schema';

export type ParseResult = { ok: true; doc: GraphDoc; migrated: string[] } | { ok: false; diagnostics: Diagnostic[] };

const malformed = (message: string, hint?: string): ParseResult => ({
  ok: false,
  diagnostics: [{ code: 'malformed_document', severity: 'error', message, ...(hint ? { hint } : {}) }],
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
      return malformed(`The file is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return malformed('A graph document must be a JSON object.');
  }
  const raw = value as Record<string, unknown>;
  if (raw.format !== GRAPH_FORMAT) {
    return malformed(
      `Expected "format": "${GRAPH_FORMAT}", got ${JSON.stringify(raw.format) ?? 'nothing'}.`,
      'Model files from Keras or TensorFlow.js are opened with import, not as graphs.',
    );
  }
  const migration = migrateGraph(raw, GRAPH_VERSION);
  if (!migration.ok) {
    const code = migration.reason === 'too_new' ? 'unsupported_version' : 'malformed_document';
    return {
      ok: false,
      diagnostics: [{ code, severity: 'error', message: migration.message, hint: 'Open it with a newer NetCanvas.' }],
    };
  }
  const parsed = GraphDocSchema.safeParse(migration.doc);
  if (!parsed.success) return { ok: false, diagnostics: zodIssuesToDiagnostics(parsed.error.issues, migration.doc) };
  return { ok: true, doc: parsed.data, migrated: migration.applied };
}

function zodIssuesToDiagnostics(issues: readonly z.core.$ZodIssue[], raw: Record<string, unknown>): Diagnostic[] {
  return issues.slice(0, 50).map((issue) => {
    const path = issue.path.map(String);
    const diagnostic: Diagnostic = {
      code: 'malformed_document',
      severity: 'error',
      message: `${path.join('.') || 'document'}: ${issue.message}`,
    };
    const [collection, index, ...field] = path;
    const item = collection === 'nodes' || collection === 'edges' ? pick(raw[collection], Number(index)) : undefined;
    const id = item && typeof item.id === 'string' ? item.id : undefined;
    if (id && collection === 'nodes') diagnostic.nodeId = id;
    if (id && collection === 'edges') diagnostic.edgeId = id;
    if (field.length > 0) diagnostic.field = field.join('.');
    return diagnostic;
  });
}

function pick(list: unknown, index: number): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  const item: unknown = list[index];
  return typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : undefined;
}
