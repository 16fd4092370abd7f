import { nodeTf } from '@/engine/backends/node-tf';
import { galleryEntry } from '@/engine/gallery/catalog';
import { openGalleryGraph } from '@/engine/gallery/open-gallery-graph';
import { writeBlob } from '@/server/blobs/write-blob';
import { db } from '@/server/db/client';
import { galleryFiles } from '@/server/gallery/read-gallery-files';
import { ApiError, badRequest, notFound } from '@/server/http/errors';
import { projectSummary } from '@/server/projects/project-summary';
import type { ProjectSummary } from '@/server/projects/schemas';
import { storeVersion } from '@/server/versions/save-version';
import { WEIGHTS_MEDIA_TYPE } from '@/server/weights/attach-weights';

/**
 * Makes a project from a gallery model: version 1 is the model's graph (cut as the variant says),
 * and its pretrained weights are stored as a blob tied to that version (by node id), carried over
 * to the versions saved after it and loaded when the design is trained. The weights are checked against the graph before anything is written.
 */
export async function openGalleryModel(
  userId: string,
  teamId: string,
  modelId: string,
  input: { variant: string; name?: string },
): Promise<ProjectSummary> {
  const entry = galleryEntry(modelId);
  if (!entry) throw notFound(`The gallery model "${modelId}"`);
  const variant = entry.card.variants.find((v) => v.id === input.variant);
  if (!variant) {
    throw badRequest(`"${modelId}" has no variant "${input.variant}"; expected one of ${entry.card.variants.map((v) => v.id).join(', ')}.`);
  }
  const opened = await openGalleryGraph(await nodeTf(), entry.card, variant, await galleryFiles(entry));
  if (!opened.ok) {
    throw new ApiError(
      'internal',
      'The gallery model could not be opened.',
      undefined,
      opened.diagnostics.map((d) => d.message).join('; '),
    );
  }
  const blob = await writeBlob(opened.weights.data, { mediaType: WEIGHTS_MEDIA_TYPE });
  const name = input.name ?? opened.doc.name ?? entry.card.title;
  const project = await db().project.create({
    data: { teamId, name, description: `From the gallery: ${entry.card.title} (${variant.label}). ${entry.card.source}.` },
  });
  try {
    await storeVersion(
      {
        projectId: project.id,
        authorId: userId,
        parent: null,
        message: `Open ${entry.card.title} (${variant.label}) from the gallery`,
        graph: opened.doc,
        weights: {
          blobHash: blob.hash,
          specs: opened.weights.specs,
          layerNodes: opened.weights.layerNodes,
          plan: null,
          source: `gallery:${modelId}/${variant.id}`,
        },
      },
      opened.doc,
    );
  } catch (error) {
    await db()
      .project.delete({ where: { id: project.id } })
      .catch(() => undefined);
    throw error;
  }
  return projectSummary(userId, project.id);
}
