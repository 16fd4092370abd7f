import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Real test material (model files and datasets from public repositories, see models/SOURCES.md),
 * kept in the repository so every clone and CI machine has it; `fixtures-copy.test.ts` checks it
 * still matches the team's shared copy where that is present.
 */
export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
/** The team's shared fixtures folder beside the repository, when this checkout has one. */
export const SHARED_FIXTURES = new URL('../../../shared/fixtures/', import.meta.url).pathname;
export const MODELS = join(FIXTURES, 'models');

export interface ModelFixture {
  /** Path of the model file. */
  path: string;
  /** Name as listed in SOURCES.md. */
  name: string;
  /** What TF.js 4.22 made of it: its totals, or `null` when it rejected the file. */
  expected: { inputs: (number | null)[][]; outputs: number; totalParams: number } | null;
  rejection?: string;
}

/**
 * Every model file under fixtures/models with what SOURCES.md records TF.js computing for it. The
 * with-weights/<name>/model.json files share the record of `<name>.json`.
 */
export function modelFixtures(): ModelFixture[] {
  const sources = readFileSync(join(MODELS, 'SOURCES.md'), 'utf8');
  const records = new Map<string, Pick<ModelFixture, 'expected' | 'rejection'>>();
  for (const line of sources.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const file = /^`(.+\.json)`$/.exec(cells[1] ?? '')?.[1];
    const verdict = cells[3] ?? '';
    if (!file) continue;
    const ok = /^OK: inputs (\[.*\]), (\d+) output\(s\), ([\d,]+) params$/.exec(verdict);
    if (ok) {
      records.set(file, {
        expected: {
          inputs: JSON.parse(ok[1] as string),
          outputs: Number(ok[2]),
          totalParams: Number((ok[3] as string).replaceAll(',', '')),
        },
      });
    } else {
      records.set(file, { expected: null, rejection: verdict.replace(/^rejects: /, '') });
    }
  }
  const fixtures: ModelFixture[] = [];
  for (const file of readdirSync(MODELS)) {
    if (!file.endsWith('.json')) continue;
    const record = records.get(file);
    if (!record) throw new Error(`${file} is not recorded in SOURCES.md`);
    fixtures.push({ path: join(MODELS, file), name: file, ...record });
  }
  for (const dir of readdirSync(join(MODELS, 'with-weights'))) {
    const path = join(MODELS, 'with-weights', dir, 'model.json');
    if (!existsSync(path)) continue;
    const record = records.get(`${dir}.json`);
    if (!record) throw new Error(`with-weights/${dir} has no record in SOURCES.md`);
    fixtures.push({ path, name: `with-weights/${dir}`, ...record });
  }
  return fixtures;
}
