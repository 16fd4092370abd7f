import { describe, expect, it } from 'vitest';
import { formatBytes, formatCompact, formatCount, formatFlops } from '../../../components/editor/format';
import { previewOf } from '../../../components/editor/template-preview';
import { TEMPLATES } from '../../../engine/templates';

describe('template previews', () => {
  it('draws every template: one box per layer, one line per connection, skip connections to the side', () => {
    for (const template of TEMPLATES) {
      const doc = template.build();
      const preview = previewOf(doc);
      expect(preview.rects).toHaveLength(doc.nodes.length);
      expect(preview.lines).toHaveLength(doc.edges.length);
      expect(preview.viewBox).toMatch(/^-?\d+(\.\d+)? -?\d+(\.\d+)? \d+(\.\d+)? \d+(\.\d+)?$/);
    }
    const resnet = TEMPLATES.find((t) => t.name === 'resnet-small');
    expect(previewOf(resnet?.build() ?? { format: 'netcanvas.graph', version: 1, nodes: [], edges: [] }).lines.some((l) => l.skip)).toBe(
      true,
    );
  });
});

describe('number formats', () => {
  it('formats counts, sizes and FLOPs for people', () => {
    expect(formatCount(61706)).toBe('61,706');
    expect(formatCount(null)).toBe('?');
    expect(formatCompact(850)).toBe('850');
    expect(formatCompact(48120)).toBe('48.1K');
    expect(formatCompact(2619461)).toBe('2.62M');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(2.5 * 1024 ** 3)).toBe('2.5 GB');
    expect(formatFlops(840_000)).toBe('840 KFLOPs');
    expect(formatFlops(12)).toBe('12 FLOPs');
  });
});
