import type { Diagnostic } from '../diagnostics';
import type { AnyLayerSpec } from '../layers/spec';

export type ResolvedParams = { ok: true; params: Record<string, unknown> } | { ok: false; issues: Omit<Diagnostic, 'nodeId'>[] };

/**
 * Params objects are immutable in the editor, so the same object always resolves the same way; caching
 * by identity keeps re-analysis of unchanged nodes free of schema parsing.
 */
const cache = new WeakMap<object, { spec: AnyLayerSpec; result: ResolvedParams }>();

/** Validates a node's raw params against its spec and fills in the defaults. */
export function resolveParams(spec: AnyLayerSpec, raw: Record<string, unknown>): ResolvedParams {
  // Unparsed documents can hold anything here; only objects can key the cache.
  const cacheable = typeof raw === 'object' && raw !== null;
  const hit = cacheable ? cache.get(raw) : undefined;
  if (hit && hit.spec === spec) return hit.result;
  const parsed = spec.params.safeParse(raw);
  const result: ResolvedParams = parsed.success
    ? { ok: true, params: parsed.data as Record<string, unknown> }
    : {
        ok: false,
        issues: parsed.error.issues.slice(0, 10).flatMap((issue) => {
          const path = issue.path.map(String);
          // An unknown setting is reported at the setting itself, one diagnostic each.
          if (issue.code === 'unrecognized_keys') {
            return issue.keys.map((key) => {
              const field = [...path, key].join('.');
              return {
                code: 'invalid_param' as const,
                severity: 'error' as const,
                field,
                message: `${spec.label} has no setting "${field}".`,
                hint: `Remove "${field}"; the settings ${spec.label} takes are listed in the inspector.`,
              };
            });
          }
          const field = path.join('.');
          return [
            {
              code: 'invalid_param' as const,
              severity: 'error' as const,
              field: field || undefined,
              message: `${spec.label}${field ? ` ${field}` : ''}: ${issue.message}`,
              hint: field ? hintFor(spec, field) : 'Check the layer settings.',
            },
          ];
        }),
      };
  if (cacheable) cache.set(raw, { spec, result });
  return result;
}

function hintFor(spec: AnyLayerSpec, field: string): string {
  const shape = (spec.params as unknown as { shape?: Record<string, { description?: string }> }).shape;
  const description = shape?.[field.split('.')[0] ?? '']?.description;
  return description ? `${field}: ${description}` : `Check ${field} in the inspector.`;
}
