import { Zip, ZipPassThrough } from 'fflate';

/** A file picked or dropped, with its path inside the folder (`cats/1.png`). */
export interface PickedFile {
  path: string;
  file: File;
}

interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?(ok: (f: File) => void, fail: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: Entry[]) => void, fail: (e: unknown) => void): void };
}

/**
 * The files of everything dropped onto the page — folders walked recursively through
 * `webkitGetAsEntry`, so a folder of class folders arrives with its paths.
 */
export async function filesFromDrop(items: DataTransferItemList): Promise<PickedFile[]> {
  const roots: Entry[] = [];
  for (const item of Array.from(items)) {
    const entry = (item as DataTransferItem & { webkitGetAsEntry?(): Entry | null }).webkitGetAsEntry?.();
    if (entry) roots.push(entry);
  }
  const out: PickedFile[] = [];
  const walk = async (entry: Entry): Promise<void> => {
    if (entry.isFile && entry.file) {
      const file = await new Promise<File>((ok, fail) => entry.file?.(ok, fail));
      out.push({ path: entry.fullPath.replace(/^\//, ''), file });
    } else if (entry.isDirectory && entry.createReader) {
      const reader = entry.createReader();
      // readEntries answers in pages (100 at a time in Chromium) until it answers nothing.
      for (;;) {
        const page = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
        if (page.length === 0) break;
        for (const child of page) await walk(child);
      }
    }
  };
  for (const root of roots) await walk(root);
  return out;
}

/** Files chosen with `<input type=file webkitdirectory>`: their relative paths are kept. */
export function filesFromInput(list: FileList): PickedFile[] {
  return Array.from(list, (file) => ({ path: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name, file }));
}

/** Zip bytes gathered in JS before they are handed to a Blob (which the browser may keep on disk). */
const FLUSH_BYTES = 16 * 1024 * 1024;

/**
 * Packs files into a zip in the browser, one file at a time (stored, not compressed: images are
 * compressed already), reporting progress. JS holds at most one file and 16 MB of zip bytes at a
 * time; the rest goes into a Blob, which the upload then streams like any archive.
 */
export async function zipFiles(files: PickedFile[], onProgress: (done: number, total: number) => void): Promise<Blob> {
  let blob = new Blob([], { type: 'application/zip' });
  let parts: Uint8Array[] = [];
  let held = 0;
  const flush = () => {
    blob = new Blob([blob, ...(parts as BlobPart[])], { type: 'application/zip' });
    parts = [];
    held = 0;
  };
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
    held += chunk.byteLength;
  });
  let done = 0;
  for (const { path, file } of files) {
    const entry = new ZipPassThrough(path);
    zip.add(entry);
    entry.push(new Uint8Array(await file.arrayBuffer()), true);
    if (held > FLUSH_BYTES) flush();
    done++;
    if (done % 50 === 0 || done === files.length) onProgress(done, files.length);
  }
  zip.end();
  flush();
  return blob;
}
