import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SHARED_FIXTURES } from '../support/fixtures';

function files(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(root, path) : [relative(root, path)];
  });
}

describe('the fixtures kept in the repository', () => {
  it('hold the model files and datasets the tests read', () => {
    expect(files(FIXTURES).filter((f) => f.endsWith('model.json') || f.endsWith('.json')).length).toBeGreaterThan(30);
  });

  it.runIf(existsSync(SHARED_FIXTURES))('match the shared copy beside the repository, file for file, in the folders it has', () => {
    // Folders the shared copy lacks (the ONNX and Caffe files) live in the repository only.
    const shared = new Set(readdirSync(SHARED_FIXTURES));
    const ours = files(FIXTURES)
      .filter((f) => shared.has(f.split('/')[0] ?? ''))
      .sort();
    expect(ours).toEqual(files(SHARED_FIXTURES).sort());
    for (const file of ours) expect(readFileSync(join(FIXTURES, file)).equals(readFileSync(join(SHARED_FIXTURES, file))), file).toBe(true);
  });
});
