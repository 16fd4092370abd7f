import { describe, expect, it } from 'vitest';
import { type BackendStore, forgetRemembered, readRemembered, writeRemembered } from '@/components/training/backend-memory';
import type { GraphDoc } from '@/engine/graph/schema';
import { templateGraph } from '@/engine/templates';
import { modelSignature } from '@/engine/train/model-signature';
import { MemoryStorage } from '../support/memory-storage';

const lenet = () => templateGraph('lenet5') as GraphDoc;

describe('modelSignature', () => {
  it('is the same for the same layers and shapes, whatever the ids, names and positions', () => {
    const a = lenet();
    const moved: GraphDoc = { ...a, nodes: a.nodes.map((n) => ({ ...n, name: `renamed ${n.id}`, position: { x: 5, y: 9 } })) };
    expect(modelSignature(moved, 32)).toBe(modelSignature(a, 32));
    expect(modelSignature(a, 32)).toMatch(/^m\d+-[0-9a-f]{8}$/);
  });

  it('changes with a layer shape, the batch size, or another model', () => {
    const a = lenet();
    const wider: GraphDoc = {
      ...a,
      nodes: a.nodes.map((n) => (n.type === 'conv2d' ? { ...n, params: { ...n.params, filters: 64 } } : n)),
    };
    const signatures = new Set([
      modelSignature(a, 32),
      modelSignature(wider, 32),
      modelSignature(a, 64),
      modelSignature(templateGraph('mlp') as GraphDoc, 32),
    ]);
    expect(signatures.size).toBe(4);
  });
});

describe('backend memory', () => {
  const measured = {
    backend: 'wasm' as const,
    figures: [
      { backend: 'webgl', samplesPerSecond: 170 },
      { backend: 'wasm', samplesPerSecond: 1900 },
      { backend: 'cpu', samplesPerSecond: 41 },
    ],
    measuredAt: '2026-12-03T12:00:00.000Z',
  };

  it('keeps the fastest backend per model signature and forgets it on request', () => {
    const store = new MemoryStorage();
    writeRemembered(store, 'm9-aaaa', measured);
    expect(readRemembered(store, 'm9-aaaa')).toEqual(measured);
    expect(readRemembered(store, 'm4-bbbb')).toBeNull();
    forgetRemembered(store, 'm9-aaaa');
    expect(readRemembered(store, 'm9-aaaa')).toBeNull();
  });

  it('ignores an entry it cannot read (edited by hand, or from another build)', () => {
    const store = new MemoryStorage();
    store.setItem('netcanvas.backend.m1', '{not json');
    store.setItem('netcanvas.backend.m2', JSON.stringify({ backend: 'gpu9000', figures: [], measuredAt: 'x' }));
    expect(readRemembered(store, 'm1')).toBeNull();
    expect(readRemembered(store, 'm2')).toBeNull();
  });

  it('survives a storage that refuses to store', () => {
    const full: BackendStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(() => writeRemembered(full, 'm1', measured)).not.toThrow();
  });
});
