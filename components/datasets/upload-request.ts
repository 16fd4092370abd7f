/** What the upload endpoint answered, or the error contract's fields. */
export type UploadAnswer =
  | { ok: true; body: { datasetId: string; number: number; versionId: string; report: UploadReport } }
  | { ok: false; status: number; message: string; problems: { name: string; reason: string }[] };

export interface UploadReport {
  read: number;
  kept: number;
  skipped: { name: string; reason: string }[];
  skippedCount: number;
  notes: string[];
}

/**
 * Sends a file to `POST /api/teams/:teamId/datasets` with XMLHttpRequest, whose upload events give
 * a real progress bar (bytes sent); the server reads the body as it arrives.
 */
export function uploadFile(url: string, body: Blob, onProgress: (sent: number, total: number) => void): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', body.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      if (xhr.status === 201) resolve({ ok: true, body: json as Extract<UploadAnswer, { ok: true }>['body'] });
      else {
        const error = (json as { error?: { message?: string; details?: { problems?: { name: string; reason: string }[] } } } | null)?.error;
        resolve({
          ok: false,
          status: xhr.status,
          message: error?.message ?? `The server answered ${xhr.status}.`,
          problems: error?.details?.problems ?? [],
        });
      }
    };
    xhr.onerror = () =>
      resolve({ ok: false, status: 0, message: 'The upload was interrupted. Check your connection and try again.', problems: [] });
    xhr.send(body);
  });
}
