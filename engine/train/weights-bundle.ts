import { z } from 'zod';
import { bytesOfSpecs, type PackedWeights } from './packed-weights';

/**
 * Weights in one request body: a line of JSON (the manifest entries, the node of each layer, where
 * they come from), a newline, then the weights.bin bytes. One body keeps the bytes and what they
 * mean together, so a stored blob is never named by someone who did not send it.
 */

/** The JSON line of a bundle. */
export const WeightsBundleMetaSchema = z
  .object({
    specs: z
      .array(
        z.object({
          name: z.string().min(1).max(500),
          shape: z.array(z.number().int().nonnegative()).max(8),
          dtype: z.enum(['float32', 'int32', 'bool']),
        }),
      )
      .max(20_000),
    layerNodes: z.record(z.string().max(500), z.string().max(200)),
    source: z.string().trim().min(1).max(300),
  })
  .strict();
export type WeightsBundleMeta = z.infer<typeof WeightsBundleMetaSchema>;

/** Longest JSON line read before giving up on finding the newline. */
const MAX_META_BYTES = 4 * 1024 * 1024;

/** Packed weights and their source as one body (see the module comment). */
export function encodeWeightsBundle(weights: PackedWeights & { source: string }): Uint8Array {
  const meta: WeightsBundleMeta = {
    specs: weights.specs.map((s) => ({ name: s.name, shape: s.shape, dtype: s.dtype as 'float32' })),
    layerNodes: weights.layerNodes,
    source: weights.source,
  };
  const head = new TextEncoder().encode(`${JSON.stringify(meta)}\n`);
  const out = new Uint8Array(head.length + weights.data.length);
  out.set(head);
  out.set(weights.data, head.length);
  return out;
}

export type DecodedBundle = { ok: true; meta: WeightsBundleMeta; data: Uint8Array } | { ok: false; message: string };

/** Reads a bundle back, saying what is wrong with one that does not parse or whose bytes do not fit its manifest. */
export function decodeWeightsBundle(bytes: Uint8Array): DecodedBundle {
  const newline = bytes.subarray(0, MAX_META_BYTES).indexOf(0x0a);
  if (newline < 0) return { ok: false, message: 'Expected a line of JSON describing the weights, then the weights.bin bytes.' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(0, newline)));
  } catch {
    return { ok: false, message: 'The first line of the weights upload is not JSON.' };
  }
  const parsed = WeightsBundleMetaSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `The weights description is not valid at "${issue?.path.join('.') || 'top'}": ${issue?.message}.` };
  }
  const data = bytes.subarray(newline + 1);
  const expected = bytesOfSpecs(parsed.data.specs);
  if (data.length !== expected) {
    return { ok: false, message: `The weights.bin part holds ${data.length} bytes; its manifest describes ${expected}.` };
  }
  return { ok: true, meta: parsed.data, data };
}
