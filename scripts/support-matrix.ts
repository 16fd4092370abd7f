/**
 * Writes the per-layer support matrix, worked out from the layer registry by running the importers
 * and exporters (engine/support/support-matrix.ts): the JSON the /support page shows and the table in
 * README.md between its support-matrix markers. `tests/engine/support-matrix.test.ts` fails when
 * either is out of date.
 *
 *   npx tsx scripts/support-matrix.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { nodeTf } from '../engine/backends/node-tf';
import { supportMatrix } from '../engine/support/support-matrix';
import { README, readmeWithMatrix, SUPPORT_JSON } from './support-matrix-files';

const tf = await nodeTf();
const rows = supportMatrix(tf);
writeFileSync(SUPPORT_JSON, `${JSON.stringify(rows, null, 2)}\n`);
writeFileSync(README, readmeWithMatrix(readFileSync(README, 'utf8'), rows));
// The formatter pads the table's columns; the test compares cells, so either form passes.
execFileSync(new URL('../node_modules/.bin/biome', import.meta.url).pathname, ['format', '--write', README], { stdio: 'ignore' });
process.stdout.write(`Wrote ${rows.length} layers to ${SUPPORT_JSON} and README.md\n`);
