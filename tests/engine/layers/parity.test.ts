import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { allLayerSpecs } from '../../../engine/layers/registry';
import { checkParity, type ParityCase } from './parity';

const tables = import.meta.glob<{ cases: ParityCase[] }>('./cases/*.ts', { eager: true });
const cases = Object.values(tables).flatMap((m) => m.cases);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('layer specs agree with TF.js', () => {
  for (const [i, c] of cases.entries()) {
    const label = `${c.type} ${JSON.stringify(c.params)} on ${JSON.stringify(c.inputs)}${c.rejects ? ' is rejected' : ''}`;
    it(`#${i} ${label}`, () => checkParity(c));
  }
});

describe('parity table coverage', () => {
  const exempt = new Set(['unsupported']);
  for (const spec of allLayerSpecs()) {
    if (exempt.has(spec.type)) continue;
    it(`${spec.type} has at least three accepted cases`, () => {
      expect(cases.filter((c) => c.type === spec.type && !c.rejects).length).toBeGreaterThanOrEqual(3);
    });
  }
});
