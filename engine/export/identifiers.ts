import type { Analysis } from '../analysis/types';

const PYTHON_RESERVED = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield keras layers model tf print input'.split(
    ' ',
  ),
);
const JS_RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await tf model inputs outputs'.split(
    ' ',
  ),
);

/** A variable name per node for generated code: valid, unique, and as close to the layer name as possible. */
export function variableNames(analysis: Analysis, language: 'python' | 'typescript'): Map<string, string> {
  const reserved = language === 'python' ? PYTHON_RESERVED : JS_RESERVED;
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of analysis.order) {
    const layerName = analysis.nodes[id]?.layerName ?? id;
    let base = layerName.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `l_${base}`;
    if (reserved.has(base)) base = `${base}_`;
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    names.set(id, name);
  }
  return names;
}
