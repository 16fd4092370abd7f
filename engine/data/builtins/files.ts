import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's `data-builtin/` folder. Found next to this file's checkout when running from
 * source (CLI, tests, workers), or under the working directory when bundled (the Next server runs
 * from the repository root).
 */
export function builtinDataDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data-builtin'));
  } catch {
    // bundled: import.meta.url may not be a file URL
  }
  if (process.env.NETCANVAS_ROOT) candidates.push(path.join(process.env.NETCANVAS_ROOT, 'data-builtin'));
  candidates.push(path.join(process.cwd(), 'data-builtin'));
  const found = candidates.find((dir) => existsSync(path.join(dir, 'README.md')));
  if (!found) throw new Error(`The built-in dataset files were not found (looked in ${candidates.join(', ')}).`);
  return found;
}
