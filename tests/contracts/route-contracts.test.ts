import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathParams, RESOURCE_PARAM, type RouteContract } from '@/server/http/contract';
import { METHODS, routeFiles, routeModule } from '../integration/helpers/api';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONTRACT_MODULES = import.meta.glob<Record<string, unknown>>('/server/*/routes.ts', { eager: true });

/** Every declared contract, by the module and name it is exported as. */
const CONTRACTS = Object.entries(CONTRACT_MODULES).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([, value]) => typeof value === 'object' && value !== null && 'access' in value && 'path' in value)
    .map(([name, value]) => ({ name: `${file.slice(1)} ${name}`, contract: value as RouteContract })),
);

describe('route contracts', () => {
  it('are declared for every route', () => {
    expect(CONTRACTS.length).toBeGreaterThanOrEqual(57);
  });

  it('name the same params in their path and their params schema', () => {
    for (const { name, contract } of CONTRACTS) {
      const inPath = pathParams(contract.path).sort();
      const inSchema = Object.keys(contract.params?.shape ?? {}).sort();
      expect(inSchema, name).toEqual(inPath);
    }
  });

  it('read a resource access from a param the path has', () => {
    for (const { name, contract } of CONTRACTS) {
      if (typeof contract.access === 'string' || 'custom' in contract.access) continue;
      const kind = Object.keys(contract.access)[0] as keyof typeof RESOURCE_PARAM;
      expect(pathParams(contract.path), name).toContain(RESOURCE_PARAM[kind]);
    }
  });

  it('are each used by exactly one route handler, and one method and path has one contract', async () => {
    const used = new Map<RouteContract, string[]>();
    for (const route of routeFiles()) {
      const mod = await routeModule(route.file);
      for (const method of METHODS) {
        const contract = (mod[method] as { contract?: RouteContract } | undefined)?.contract;
        if (contract) used.set(contract, [...(used.get(contract) ?? []), `${method} ${route.file}`]);
      }
    }
    for (const { name, contract } of CONTRACTS) expect(used.get(contract), name).toHaveLength(1);
    const keys = CONTRACTS.map(({ contract }) => `${contract.method} ${contract.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

/**
 * Contracts are imported by pages, so everything they import must run in a browser: zod, and our
 * own modules that import nothing else (engine schemas, other schema files). Type-only imports are
 * erased and may point anywhere.
 */
describe('contract modules are browser-safe', () => {
  const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;

  function resolve(from: string, spec: string): string | null {
    if (!spec.startsWith('@/') && !spec.startsWith('.')) return null;
    const base = spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(from), spec);
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
      if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
    }
    throw new Error(`${path.relative(ROOT, from)} imports ${spec}, which does not resolve`);
  }

  /** The packages reachable from a file through value imports, with the chain that reaches each. */
  function packagesReachable(entry: string): Map<string, string> {
    const found = new Map<string, string>();
    const seen = new Set<string>();
    const visit = (file: string, chain: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        if (match[2]) continue; // import type … / export type …
        const spec = (match[3] ?? match[4]) as string;
        const local = resolve(file, spec);
        if (local) visit(local, `${chain} → ${path.relative(ROOT, local)}`);
        else if (!found.has(spec)) found.set(spec, chain);
      }
    };
    visit(entry, path.relative(ROOT, entry));
    return found;
  }

  const entries = [...Object.keys(CONTRACT_MODULES).map((f) => path.join(ROOT, f)), path.join(ROOT, 'components/ui/api.ts')];
  for (const entry of entries) {
    it(path.relative(ROOT, entry), () => {
      const packages = [...packagesReachable(entry)].filter(([spec]) => spec !== 'zod').map(([spec, chain]) => `${spec} (${chain})`);
      expect(packages, 'packages a page would have to load').toEqual([]);
    });
  }
});
