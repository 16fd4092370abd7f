import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The folder rules, checked with the real tools on probe files: biome.json keeps React, Next, Prisma,
 * DOM-using modules and DOM globals out of engine/, and components, hooks, styles and DOM globals out
 * of the editor store; engine/tsconfig.json type-checks the engine without DOM or Node types. The
 * probes are written into a scratch copy of the configuration, never into the project.
 */
const ROOT = new URL('../../', import.meta.url).pathname;
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'netcanvas-boundaries-'));
  for (const file of ['biome.json', 'tsconfig.json', 'engine/tsconfig.json', 'engine/host-globals.d.ts']) {
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(scratch, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Probe = [path: string, source: string, rules: string[]];

const PROBES: Probe[] = [
  ['engine/graph/probe.ts', "import { useState } from 'react';\nexport const p = useState;", ['noRestrictedImports']],
  ['engine/graph/probe.ts', "import Link from 'next/link';\nexport const p = Link;", ['noRestrictedImports']],
  ['engine/graph/probe.ts', "import { PrismaClient } from '@prisma/client';\nexport const p = PrismaClient;", ['noRestrictedImports']],
  ['engine/graph/probe.ts', "import '@tensorflow/tfjs-backend-webgl';\nexport const p = 1;", ['noRestrictedImports']],
  ['engine/graph/probe.ts', "import { api } from '../../components/ui/api';\nexport const p = api;", ['noRestrictedImports']],
  ['engine/graph/probe.ts', 'export const p = () => document.title;', ['noRestrictedGlobals']],
  ['engine/graph/probe.ts', "import * as tf from '@tensorflow/tfjs';\nimport { z } from 'zod';\nexport const p = [tf, z];", []],
  [
    'components/editor/store/probe.ts',
    "import { useSyncExternalStore } from 'react';\nexport const p = useSyncExternalStore;",
    ['noRestrictedImports'],
  ],
  [
    'components/editor/store/probe.ts',
    "import { useEditor } from '../EditorContext';\nexport const p = useEditor;",
    ['noRestrictedImports'],
  ],
  ['components/editor/store/probe.ts', "import '../editor.css';\nexport const p = 1;", ['noRestrictedImports']],
  [
    'components/editor/store/probe.ts',
    "import { FieldRow } from '../../forms/rows/FieldRow';\nexport const p = FieldRow;",
    ['noRestrictedImports'],
  ],
  [
    'components/editor/store/probe.ts',
    "import { describeSchema } from '../../forms/describe-schema';\nexport const p = describeSchema;",
    [],
  ],
  [
    'components/editor/store/commands/probe.ts',
    "import { useEditor } from '../../EditorContext';\nexport const p = useEditor;",
    ['noRestrictedImports'],
  ],
  ['components/editor/store/commands/probe.ts', "import { findNode } from '../doc-ops';\nexport const p = findNode;", []],
  ['components/editor/store/commands/probe.ts', "export const p = () => localStorage.getItem('draft');", ['noRestrictedGlobals']],
];

describe('lint rules keep the engine and the editor store pure', () => {
  it.each(PROBES)('%s: %j → %j', (path, source, rules) => {
    const file = join(scratch, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${source}\n`);
    try {
      const run = spawnSync(join(ROOT, 'node_modules/.bin/biome'), ['lint', '--reporter=json', path], { cwd: scratch, encoding: 'utf8' });
      const report = JSON.parse(run.stdout) as { diagnostics: { category: string; location: { path: string } }[] };
      const fired = new Set(report.diagnostics.filter((d) => d.location.path === path).map((d) => d.category.replace('lint/style/', '')));
      expect([...fired]).toEqual(rules);
    } finally {
      rmSync(file);
    }
  });
});

describe('engine/tsconfig.json has no DOM and no Node types', () => {
  const typecheck = (source: string) => {
    const file = join(scratch, 'engine/probe.ts');
    writeFileSync(file, source);
    try {
      execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'engine/tsconfig.json'], { cwd: scratch, encoding: 'utf8' });
      return '';
    } catch (error) {
      return String((error as { stdout?: string }).stdout);
    } finally {
      rmSync(file);
    }
  };

  it('refuses the DOM and Node globals', () => {
    const out = typecheck('export const p = () => [document.title, process.env.HOME, Buffer.from("x")];\n');
    expect(out).toMatch(/probe\.ts.*Cannot find name 'document'/);
    expect(out).toMatch(/Cannot find name 'process'/);
    expect(out).toMatch(/Cannot find name 'Buffer'/);
  });

  it('accepts the globals every runtime has', () => {
    const source = 'export const p = () => [new TextDecoder().decode(new Uint8Array(1)), performance.now(), structuredClone({ a: 1 })];\n';
    expect(typecheck(source)).toBe('');
  });
});
