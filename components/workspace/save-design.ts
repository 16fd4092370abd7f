import { call } from '@/components/ui/api';
import { canonicalJson } from '@/engine/graph/canonical-json';
import { changesBetween } from '@/engine/graph/changes-between';
import type { GraphDoc } from '@/engine/graph/schema';
import * as versionRoutes from '@/server/versions/routes';

/**
 * Saves the editor's document as a new version on top of `parent`. When the editor holds that
 * version's document (`parentDoc`), it sends only the changes against it with the hash of the
 * document they give, so a one-layer edit of a 1,000-layer design sends one layer; the server
 * applies them to its own copy of the parent and refuses when the result is not this document.
 * Then, or where the page cannot hash (not a secure context), the whole document goes.
 */
export async function saveDesign(
  projectId: string,
  save: { parent: number | null; message: string; doc: GraphDoc; parentDoc: GraphDoc | null },
): ReturnType<typeof sendWhole> {
  const { parent, message, doc, parentDoc } = save;
  if (parent === null || !parentDoc) return sendWhole(projectId, parent, message, doc);
  const graphHash = await sha256Hex(canonicalJson(doc));
  if (!graphHash) return sendWhole(projectId, parent, message, doc);
  const changes = changesBetween(parentDoc, doc);
  const sent = await call(versionRoutes.saveVersion, { params: { projectId }, body: { parent, message, changes, graphHash } });
  const resend = !sent.ok && (sent.details as { resend?: string } | undefined)?.resend === 'graph';
  return resend ? sendWhole(projectId, parent, message, doc) : sent;
}

function sendWhole(projectId: string, parent: number | null, message: string, graph: GraphDoc) {
  return call(versionRoutes.saveVersion, { params: { projectId }, body: { parent, message, graph } });
}

/** SHA-256 of a text in lowercase hex, as the server hashes graph contents; null without Web Crypto. */
export async function sha256Hex(text: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
