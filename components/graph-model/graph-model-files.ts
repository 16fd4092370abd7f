/**
 * Which of the chosen files is the model: `model.json` if there is one, else the other `.json`
 * files in name order (the worker tries each until one is a graph model). Everything else is a
 * weight file, matched to the manifest by its name without folders.
 */
export function modelFileCandidates<F extends { name: string }>(files: readonly F[]): { candidates: F[]; others: F[] } {
  const isJson = (f: F) => /\.json$/i.test(f.name);
  const base = (f: F) => baseName(f.name).toLowerCase();
  const candidates = files
    .filter(isJson)
    .sort((a, b) => Number(base(b) === 'model.json') - Number(base(a) === 'model.json') || a.name.localeCompare(b.name));
  return { candidates, others: files.filter((f) => !isJson(f)) };
}

/** The file name without folders (files chosen from a folder can carry relative paths). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
