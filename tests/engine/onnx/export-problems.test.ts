import { describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import type { GraphDoc } from '../../../engine/graph/schema';
import { allLayerSpecs } from '../../../engine/layers/registry';
import { onnxExportProblems } from '../../../engine/onnx/export/export-onnx';
import { LAYER_EXPORTERS } from '../../../engine/onnx/export/layer-exporters';

const at = (y: number) => ({ x: 0, y });

describe('what ONNX cannot express is named before export', () => {
  it('gives one diagnostic per node at fault, and none for the layers it can write', () => {
    const doc: GraphDoc = {
      format: 'netcanvas.graph',
      version: 1,
      nodes: [
        { id: 'a', type: 'input', params: { shape: [8] }, position: at(0) },
        { id: 'b', type: 'input', params: { shape: [8] }, position: at(0) },
        { id: 'da', type: 'dense', params: { units: 4 }, position: at(100) },
        { id: 'db', type: 'dense', params: { units: 4, activation: 'relu' }, position: at(100) },
        { id: 'dot', type: 'dot', params: { axes: -1 }, position: at(200) },
        { id: 'seq', type: 'input', params: { shape: [5, 3] }, position: at(0) },
        { id: 'mask', type: 'masking', params: {}, position: at(100) },
        { id: 'lstm', type: 'lstm', params: { units: 4, activation: 'mish' }, position: at(200) },
      ],
      edges: [
        { id: 'e1', source: 'a', target: 'da' },
        { id: 'e2', source: 'b', target: 'db' },
        { id: 'e3', source: 'da', target: 'dot', targetHandle: 'in:0' },
        { id: 'e4', source: 'db', target: 'dot', targetHandle: 'in:1' },
        { id: 'e5', source: 'seq', target: 'mask' },
        { id: 'e6', source: 'mask', target: 'lstm' },
      ],
    };
    const analysis = analyse(doc);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const problems = onnxExportProblems(doc, analysis);
    expect(problems.map((p) => [p.nodeId, p.code, p.severity])).toEqual([
      ['dot', 'export_unsupported', 'error'],
      ['mask', 'export_unsupported', 'error'],
      ['lstm', 'export_unsupported', 'error'],
    ]);
    expect(problems[0]?.message).toBe('Dot "dot" cannot be exported to ONNX: Dot layers have no ONNX export.');
    expect(problems[2]?.message).toMatch(/LSTM "lstm" cannot be exported to ONNX: its activation "mish" has no ONNX recurrent form/);
    for (const p of problems) expect(p.hint).toMatch(/Replace or remove this layer/);
  });

  it('covers most of the layer catalog; the rest are listed here on purpose', () => {
    const missing = allLayerSpecs()
      .map((s) => s.type)
      .filter((t) => t !== 'input' && !LAYER_EXPORTERS[t]);
    expect(missing.sort()).toEqual(
      ['categoryEncoding', 'centerCrop', 'convLstm2d', 'dot', 'masking', 'randomWidth', 'resizing', 'unsupported'].sort(),
    );
  });
});
