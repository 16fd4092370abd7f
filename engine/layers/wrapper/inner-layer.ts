import { z } from 'zod';
import type { LayerIssue } from '../../diagnostics';
import { paramsFromKerasConfig, paramsToKerasConfig } from '../../keras/config';
import { elementsPerSample, type Shape } from '../../shape';
// The registry imports this folder's index, so this import is circular: only call its functions
// inside spec methods (never at module initialisation), and load specs through the registry.
import { layerSpec, layerSpecForKerasClass } from '../registry';
import type { AnyLayerSpec, BuildContext, KerasConfig, Tf, TfLayer } from '../spec';

/**
 * A wrapped layer as stored in a wrapper's params: a layer type id, that layer's own params, and
 * optionally its name. The name scopes the wrapped layer's weights (`<wrapper>/forward_<name>/kernel`
 * in a Bidirectional), so imports keep the file's name for its weights to load; new layers leave it out.
 */
export interface InnerLayer {
  type: string;
  params: Record<string, unknown>;
  name?: string;
}

/** TF.js accepts these as layer (and so weight scope) names. */
const LAYER_NAME = /^[A-Za-z0-9][-A-Za-z0-9._/]*$/;

/** Why a wrapper cannot hold this layer (a plain sentence), or `null` when it can. */
export type InnerCheck = (spec: AnyLayerSpec, params: Record<string, unknown>) => string | null;

/**
 * The `layer` param of a wrapper. Parsing validates the inner params against the inner spec and
 * yields them resolved (defaults filled in), so builders and exports see complete settings. Problems
 * are reported at `layer.<name>` (e.g. `layer.units`), or `layer.type` for a layer that cannot be wrapped.
 */
export function innerLayerField(fallback: InnerLayer, check: InnerCheck, description: string) {
  return z
    .object({
      type: z.string().min(1).describe('Type id of the wrapped layer, e.g. "lstm" or "dense".'),
      params: z
        .record(z.string(), z.unknown())
        .default({})
        .describe("The wrapped layer's own settings, exactly as that layer takes them on its own."),
      name: z
        .string()
        .regex(LAYER_NAME, 'use letters, digits, ".", "-", "_" or "/", starting with a letter or digit')
        .optional()
        .describe(
          "Name of the wrapped layer, which prefixes its weights' names; kept from imported files so their weights load. Leave empty otherwise.",
        ),
    })
    .strict()
    .default(fallback)
    .transform((layer, ctx): InnerLayer => {
      const spec = layerSpec(layer.type);
      if (!spec) {
        ctx.addIssue({ code: 'custom', path: ['type'], message: `there is no layer type "${layer.type}" to wrap`, input: layer.type });
        return z.NEVER;
      }
      const parsed = spec.params.safeParse(layer.params);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const path = issue.path.map(String);
          if (issue.code === 'unrecognized_keys') {
            for (const key of issue.keys) {
              ctx.addIssue({ code: 'custom', path: [...path, key], message: `${spec.label} has no setting "${key}"`, input: layer.params });
            }
          } else {
            ctx.addIssue({ code: 'custom', path, message: `${spec.label}: ${issue.message}`, input: layer.params });
          }
        }
        return z.NEVER;
      }
      const params = parsed.data as Record<string, unknown>;
      const refused = check(spec, params);
      if (refused) {
        ctx.addIssue({ code: 'custom', path: ['type'], message: refused, input: layer.type });
        return z.NEVER;
      }
      return layer.name ? { type: spec.type, params, name: layer.name } : { type: spec.type, params };
    })
    .describe(description);
}

/** The spec of a parsed inner layer (parsing guarantees it exists). */
export function innerSpec(layer: InnerLayer): AnyLayerSpec | undefined {
  return layerSpec(layer.type);
}

/** Issue for an inner layer type this build does not know (only reachable with unparsed params). */
export function unknownInner(wrapper: string, layer: InnerLayer): LayerIssue {
  return {
    code: 'invalid_param',
    field: 'layer.type',
    message: `${wrapper} wraps an unknown layer type "${layer.type}".`,
    hint: 'Pick the wrapped layer again in the inspector.',
  };
}

/** An inner layer's issue, told from the wrapper's side: fields become `layer.<field>`. */
export function wrapIssue(wrapper: string, inner: AnyLayerSpec, issue: LayerIssue, note = ''): LayerIssue {
  return {
    ...issue,
    ...(issue.field ? { field: `layer.${issue.field}` } : {}),
    message: `${wrapper}(${inner.label}): ${issue.message.replace(/\.$/, '')}${note}.`,
  };
}

/** FLOPs of the inner layer on the given inputs, with the analyser's default for specs without a rule. */
export function innerFlops(inner: AnyLayerSpec, inputs: Shape[], outputs: Shape[], params: Record<string, unknown>): number {
  return inner.flops ? inner.flops(inputs, outputs, params) : outputs.reduce((n, s) => n + (elementsPerSample(s) ?? 0), 0);
}

/**
 * Builds the inner TF.js layer. Its name only scopes weights inside the wrapper, so without an
 * imported name the type id is enough (`<wrapper>/forward_lstm/kernel`) and keeps configs stable.
 */
export function buildInner(tf: Tf, inner: AnyLayerSpec, layer: InnerLayer, context: BuildContext): TfLayer {
  return inner.build(tf, layer.params, { name: layer.name ?? inner.type, trainable: context.trainable });
}

/** `{class_name, config}` of the inner layer, through the inner spec's own Keras mapping. */
export function innerToKeras(layer: InnerLayer): KerasConfig {
  const spec = layerSpec(layer.type);
  if (!spec) return { class_name: layer.type, config: layer.params };
  const config = paramsToKerasConfig(spec, layer.params);
  return { class_name: spec.keras.className, config: layer.name ? { ...config, name: layer.name } : config };
}

/**
 * Reads a Keras `config.layer` (`{class_name, config}`) into an inner layer. An unknown class keeps its
 * name as the type so validation reports it; a missing layer gives `null`, which validation refuses.
 */
export function innerFromKeras(value: unknown): InnerLayer | null {
  if (typeof value !== 'object' || value === null) return null;
  const { class_name: className, config } = value as { class_name?: unknown; config?: unknown };
  const spec = layerSpecForKerasClass(String(className));
  if (!spec) return { type: String(className), params: {} };
  const kerasConfig = typeof config === 'object' && config !== null ? (config as KerasConfig) : {};
  const params = paramsFromKerasConfig(spec, kerasConfig).params;
  const name = kerasConfig.name;
  return typeof name === 'string' && LAYER_NAME.test(name) ? { type: spec.type, params, name } : { type: spec.type, params };
}
