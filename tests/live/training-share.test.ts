import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { PresenceSchema, peersOf } from '@/live/presence';
import { TrainingShareSchema, trainingShare } from '@/live/training-share';
import { MAX_SIGNAL_BYTES } from '@/server/live/room-signals';

/** A long run as the browser records it: every epoch with all its figures, every batch. */
function longRun(epochCount: number, batchesPerEpoch: number) {
  const epochs = Array.from({ length: epochCount }, (_, epoch) => ({
    epoch,
    metrics: {
      loss: 1 / (epoch + 1.123456789),
      accuracy: 1 - 1 / (epoch + 2.987654321),
      valLoss: 1.1 / (epoch + 1.3),
      valAccuracy: 0.98 - 1 / (epoch + 3.3),
      samplesPerSecond: 1234.5678,
      learningRate: 0.001,
    },
  }));
  const batches = Array.from({ length: epochCount * batchesPerEpoch }, (_, i) => ({
    step: i + 1,
    epoch: Math.floor(i / batchesPerEpoch),
    metrics: { loss: 2 / (i + 1.7), accuracy: 1 - 1 / (i + 2.1) },
  }));
  return { label: 'Spiral MLP v3 on Spiral', phase: 'training' as const, totalEpochs: epochCount, epochs, batches };
}

describe('a presenter’s training run shared with the room', () => {
  it('keeps the newest epochs, a thinned batch trace ending on the newest batch, and the figures the curves draw', () => {
    const share = trainingShare(longRun(200, 40));
    expect(TrainingShareSchema.parse(share)).toEqual(share);
    expect(share.epoch).toBe(200);
    expect(share.epochs).toHaveLength(24);
    expect(share.epochs.at(-1)?.epoch).toBe(199);
    expect(share.batches).toHaveLength(32);
    expect(share.batches.at(-1)?.step).toBe(8000);
    expect(Object.keys(share.epochs[0]?.metrics ?? {}).sort()).toEqual(['accuracy', 'loss', 'valAccuracy', 'valLoss']);
    expect(share.epochs.at(-1)?.metrics.loss).toBeCloseTo(1 / 200.123456789, 5);
  });

  it('fits, with the rest of a presence, in one message between app instances', () => {
    const ydoc = new Y.Doc();
    const awareness = new Awareness(ydoc);
    awareness.setLocalState({
      user: { name: 'A presenter with a rather long name', color: '#1971c2' },
      cursor: { x: 123.456, y: 789.012 },
      selection: ['dense_1', 'dense_2'],
      viewport: { x: -12.5, y: 40.25, zoom: 0.8125 },
      presenting: true,
      training: trainingShare(longRun(500, 100)),
    });
    const encoded = Buffer.from(encodeAwarenessUpdate(awareness, [ydoc.clientID])).toString('base64');
    expect(encoded.length).toBeLessThanOrEqual(MAX_SIGNAL_BYTES);
  });

  it('drops a training record it cannot read, not the person', () => {
    const state = { user: { name: 'Ada', color: '#1971c2' }, presenting: true, training: { label: 'x', phase: 'nonsense' } };
    expect(PresenceSchema.parse(state).training).toBeUndefined();
    const peers = peersOf(new Map([[7, state]]), 1);
    expect(peers.map((p) => p.user.name)).toEqual(['Ada']);
  });
});
