import type { z } from 'zod';
import { type CallInput, decodeAnswer, urlOf } from '@/components/ui/api';
import * as datasetRoutes from '@/server/datasets/routes';
import type { UploadResultSchema } from '@/server/datasets/summaries';

type UploadResult = z.infer<typeof UploadResultSchema>;

/** What the upload endpoint answered, or the error contract's fields. */
export type UploadAnswer =
  | { ok: true; body: UploadResult }
  | { ok: false; status: number; message: string; problems: { name: string; reason: string }[] };

export type UploadReport = UploadResult['report'];

/** Where an upload goes: the team, and what the file becomes (name, format, options…). */
export type UploadTarget = CallInput<typeof datasetRoutes.uploadDataset>;

/**
 * Sends a file to the upload endpoint with XMLHttpRequest, whose upload events give a real progress
 * bar (bytes sent); the server reads the body as it arrives. The answer is decoded with the route's
 * contract.
 */
export function uploadFile(target: UploadTarget, body: Blob, onProgress: (sent: number, total: number) => void): Promise<UploadAnswer> {
  const route = datasetRoutes.uploadDataset;
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(route.method, urlOf(route, target));
    xhr.setRequestHeader('content-type', body.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.onload = () => {
      const answer = decodeAnswer(route, xhr.status, xhr.responseText);
      if (answer.ok) resolve({ ok: true, body: answer.data });
      else {
        const details = answer.details as
          | { problems?: { name: string; reason: string }[]; issues?: { path: string; message: string }[] }
          | undefined;
        // A refused option (a size out of range, say) comes as schema issues: named like the archive's problems.
        const issues = (details?.issues ?? []).map((i) => ({ name: i.path || 'the upload', reason: i.message }));
        resolve({ ok: false, status: answer.status, message: answer.message, problems: details?.problems ?? issues });
      }
    };
    xhr.onerror = () =>
      resolve({ ok: false, status: 0, message: 'The upload was interrupted. Check your connection and try again.', problems: [] });
    xhr.send(body);
  });
}
