import { nodeTf } from '@/engine/backends/node-tf';
import { compileGraph } from '@/engine/compile/compile';
import { tfjsArtifacts } from '@/engine/export/tfjs-artifacts';
import { layerNodesOf } from '@/engine/train/node-weights';
import type { PackedWeights } from '@/engine/train/packed-weights';
import { encodeWeightsBundle } from '@/engine/train/weights-bundle';
import { writeBlob } from '@/server/blobs/write-blob';
import { db } from '@/server/db/client';
import { getVersion } from '@/server/versions/get-version';
import type { Row, World } from './world';

/** Version 1's weights: every world's version 1 is the same graph with the same node ids, so packed once. */
let packing: Promise<{ packed: PackedWeights; bundle: Uint8Array }> | undefined;
/** The upload body, once packed (a row's body is read after its world is prepared). */
let uploaded: Uint8Array | undefined;

/** Version 1's graph compiled with initialised weights, packed as an import would pack them. */
async function packedVersionOne(projectId: string): Promise<{ packed: PackedWeights; bundle: Uint8Array }> {
  const tf = await nodeTf();
  const compiled = compileGraph(tf, (await getVersion(projectId, 1)).graph);
  if (!compiled.ok) throw new Error(compiled.diagnostics[0]?.message);
  try {
    const artifacts = await tfjsArtifacts(tf, compiled.model);
    const specs = (artifacts['model.json'].weightsManifest as { weights: PackedWeights['specs'] }[])[0]?.weights ?? [];
    const packed = { data: artifacts['weights.bin'], specs, layerNodes: layerNodesOf(compiled.layerNames) };
    const bundle = encodeWeightsBundle({ ...packed, source: 'import:model.json' });
    return { packed, bundle };
  } finally {
    compiled.model.dispose();
  }
}

/**
 * A version's weights and a run's weights opened in the editor. Each world's version 1 has weights
 * (so reading them answers 200), and a finished run whose weights fit that version. The upload row
 * goes through the real route; here the rows are written directly, since every world needs them.
 */
export async function prepare(world: World): Promise<Record<string, string>> {
  packing ??= packedVersionOne(world.projectId);
  const { packed, bundle } = await packing;
  uploaded = bundle;
  // Each database of the suite (PostgreSQL, PGlite) stores its own blob; the same bytes are stored once in each.
  const { hash } = await writeBlob(packed.data);
  const version = await db().version.findUniqueOrThrow({
    where: { projectId_number: { projectId: world.projectId, number: 1 } },
    select: { id: true },
  });
  await db().versionWeights.create({
    data: {
      versionId: version.id,
      blobHash: hash,
      weightSpecs: packed.specs as object[],
      layerNodes: packed.layerNodes,
      source: 'import:model.json',
    },
  });
  const run = await db().trainingRun.create({
    data: {
      projectId: world.projectId,
      versionNumber: 1,
      builtinDataset: 'spiral',
      place: 'browser',
      status: 'completed',
      config: {},
      finishedAt: new Date(),
      artifacts: {
        create: {
          kind: 'weights',
          blobHash: hash,
          meta: { modelTopology: {}, weightSpecs: packed.specs, layerNodes: packed.layerNodes } as object,
        },
      },
    },
  });
  return { weightsRunId: run.id };
}

const version = (w: World) => `/api/projects/${w.projectId}/versions/1`;

export const rows: Row[] = [
  {
    file: 'projects/[projectId]/versions/[number]/weights',
    method: 'GET',
    path: (w) => `${version(w)}/weights`,
    expect: [401, 404, 200, 200, 200],
  },
  {
    file: 'projects/[projectId]/versions/[number]/weights',
    method: 'PUT',
    path: (w) => `${version(w)}/weights`,
    body: () => uploaded,
    expect: [401, 404, 403, 201, 201],
  },
  {
    file: 'projects/[projectId]/versions/[number]/weights.bin',
    method: 'GET',
    path: (w) => `${version(w)}/weights.bin`,
    expect: [401, 404, 200, 200, 200],
  },
  {
    file: 'runs/[runId]/open-in-editor',
    method: 'POST',
    path: (w) => `/api/runs/${w.extra.weightsRunId}/open-in-editor`,
    expect: [401, 404, 403, 201, 201],
  },
];
