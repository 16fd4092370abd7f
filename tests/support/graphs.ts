import { readFileSync } from 'node:fs';
import type { GraphDoc } from '../../engine/graph/schema';
import { importTopology } from '../../engine/import/import-model';
import { TEMPLATES } from '../../engine/templates';
import { modelFixtures } from './fixtures';

/** Valid graphs to run whole-pipeline tests on: every template and every real model TF.js accepts. */
export function sampleGraphs(): { name: string; doc: GraphDoc }[] {
  const graphs = TEMPLATES.map((t) => ({ name: `template:${t.name}`, doc: t.build() }));
  for (const fixture of modelFixtures()) {
    if (!fixture.expected || fixture.name.startsWith('with-weights/')) continue;
    const imported = importTopology(readFileSync(fixture.path, 'utf8'));
    if (imported.doc) graphs.push({ name: fixture.name, doc: imported.doc });
  }
  return graphs;
}
