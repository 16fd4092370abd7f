/**
 * Files handed from the editor's import to the graph model page: a graph model dropped on the canvas
 * opens there without being chosen again. Kept in memory only, for the one navigation that follows.
 */
let handed: File[] | null = null;

export function handOffGraphModel(files: File[]): void {
  handed = files;
}

/** The files handed over, once: a later visit of the page starts empty. */
export function takeHandedOffGraphModel(): File[] | null {
  const files = handed;
  handed = null;
  return files;
}
