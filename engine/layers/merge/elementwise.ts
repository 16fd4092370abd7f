import type { LayerIssue } from '../../diagnostics';
import type { Shape } from '../../shape';

/**
 * Output shape of an element-wise merge (Add, Multiply, Average, Maximum, Minimum): the inputs'
 * shapes broadcast against each other, as TF.js's `Merge.computeOutputShape` does.
 */
export function elementwiseMergeShape(inputs: Shape[], what: string): Shape[] | LayerIssue {
  let out: Shape = (inputs[0] ?? []).slice(1);
  for (const [port, shape] of inputs.entries()) {
    if (port === 0) continue;
    const next = broadcast(out, shape.slice(1));
    if (!next) {
      return {
        code: 'merge_shape_mismatch',
        port,
        message: `${what} needs inputs of the same shape, but input 1 is ${fmt(inputs[0] ?? [])} and input ${port + 1} is ${fmt(shape)}.`,
        hint: 'Make both branches end with the same number of units or channels (a 1×1 Conv2D or a Dense layer can adapt one).',
      };
    }
    out = next;
  }
  return [[null, ...out]];
}

function broadcast(a: Shape, b: Shape): Shape | null {
  if (a.length < b.length) return broadcast(b, a);
  const offset = a.length - b.length;
  const out: Shape = a.slice(0, offset);
  for (let i = 0; i < b.length; i++) {
    const x = a[i + offset] ?? null;
    const y = b[i] ?? null;
    if (x === null || y === null) out.push(null);
    else if (x === 1) out.push(y);
    else if (y === 1 || x === y) out.push(x);
    else return null;
  }
  return out;
}

const fmt = (s: Shape) =>
  `(${s
    .slice(1)
    .map((d) => d ?? 'None')
    .join(', ')})`;
