import { describe, expect, it } from 'vitest';
import { applyTextScale, parseTextScale, stepTextScale, TEXT_SCALES } from '@/components/projector/text-scale';

describe('the presenter text size', () => {
  it('reads only the offered sizes back from storage', () => {
    expect(parseTextScale('1.5')).toBe(1.5);
    expect(parseTextScale(null)).toBe(1);
    expect(parseTextScale('7')).toBe(1);
    expect(parseTextScale('big')).toBe(1);
  });

  it('steps up and down within the offered sizes', () => {
    expect(stepTextScale(1, 1)).toBe(1.15);
    expect(stepTextScale(1, -1)).toBe(1);
    expect(stepTextScale(2, 1)).toBe(2);
    expect(stepTextScale(1.5, -1)).toBe(1.3);
    let s = 1;
    for (const _ of TEXT_SCALES) s = stepTextScale(s, 1);
    expect(s).toBe(2);
  });

  it('sets the variable and attribute the stylesheet reads, and removes both at the normal size', () => {
    const props = new Map<string, string>();
    const root = {
      style: { setProperty: (k: string, v: string) => void props.set(k, v), removeProperty: (k: string) => void props.delete(k) },
      dataset: {} as Record<string, string | undefined>,
    };
    applyTextScale(root, 1.3);
    expect(props.get('--text-scale')).toBe('1.3');
    expect(root.dataset.textScale).toBe('1.3');
    applyTextScale(root, 1);
    expect(props.has('--text-scale')).toBe(false);
    expect('textScale' in root.dataset).toBe(false);
  });
});
