import { describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { GraphBuilder } from '../../../engine/templates/builder';

/** Layers TF.js 4.22 builds but cannot run (or train) are flagged on the node, before anyone tries. */
describe('layer caveats', () => {
  const single = (shape: number[], type: string, params: Record<string, unknown>) => {
    const g = new GraphBuilder();
    const x = g.add('input', { shape });
    const layer = g.add(type, params, [x]);
    g.add('flatten', {}, [layer]);
    const analysis = analyse(g.build('caveat'));
    return { analysis, node: analysis.nodes[layer], diagnostics: analysis.diagnostics.filter((d) => d.nodeId === layer) };
  };

  it.each([
    ['resizing', [32, 32, 3], { height: 16, width: 16 }],
    ['randomWidth', [32, 32, 3], { factor: 0.2 }],
    ['centerCrop', [8, 8, 3], { height: 16, width: 16 }],
    ['conv1d', [40, 2], { filters: 4, kernelSize: 3, padding: 'causal' }],
  ] as const)('%s is an error that blocks what follows', (type, shape, params) => {
    const { node, diagnostics, analysis } = single([...shape], type, params);
    expect(node?.status).toBe('error');
    expect(diagnostics[0]?.severity).toBe('error');
    expect(diagnostics[0]?.hint).toBeTruthy();
    expect(Object.values(analysis.nodes).some((n) => n.type === 'flatten' && n.status === 'blocked')).toBe(true);
  });

  it('centerCrop within the image is fine', () => {
    expect(single([32, 32, 3], 'centerCrop', { height: 16, width: 16 }).diagnostics).toEqual([]);
  });

  it('batchNormalization without scale is a warning, and the shapes go on', () => {
    const { node, diagnostics } = single([8, 8, 3], 'batchNormalization', { scale: false });
    expect(node?.status).toBe('ok');
    expect(diagnostics).toMatchObject([{ severity: 'warning', field: 'scale' }]);
  });
});
