import { describe, expect, it } from 'vitest';
import { writeDraft } from '../../../components/editor/store';
import { otherDrafts, tabDraftKey, tabId } from '../../../components/workspace/tab-drafts';
import { templateGraph } from '../../../engine/templates';
import { MemoryStorage } from '../../support/memory-storage';

describe('per-tab drafts', () => {
  it('gives each tab an id that survives a reload (sessionStorage)', () => {
    const session = new MemoryStorage();
    const id = tabId(session, () => 'abc');
    expect(id).toBe('abc');
    expect(tabId(session, () => 'other')).toBe('abc');
    expect(tabDraftKey('p1', id)).toBe('netcanvas:draft:p1:abc');
  });

  it('lists the drafts other tabs left for the project, newest first, and removes stale ones', () => {
    const storage = new MemoryStorage();
    const doc = templateGraph('mlp');
    if (!doc) throw new Error('no template');
    const now = Date.UTC(2026, 10, 27);
    writeDraft(storage, tabDraftKey('p1', 'a'), { doc, baseVersion: 1, savedAt: now - 1000 });
    writeDraft(storage, tabDraftKey('p1', 'b'), { doc, baseVersion: 2, savedAt: now - 10 });
    writeDraft(storage, tabDraftKey('p1', 'mine'), { doc, baseVersion: 2, savedAt: now });
    writeDraft(storage, tabDraftKey('p2', 'a'), { doc, baseVersion: 1, savedAt: now });
    writeDraft(storage, tabDraftKey('p1', 'old'), { doc, baseVersion: 1, savedAt: now - 40 * 24 * 3600 * 1000 });
    storage.setItem(tabDraftKey('p1', 'broken'), '{');
    const found = otherDrafts(storage, 'p1', tabDraftKey('p1', 'mine'), now);
    expect(found.map((d) => d.key)).toEqual([tabDraftKey('p1', 'b'), tabDraftKey('p1', 'a')]);
    expect(storage.getItem(tabDraftKey('p1', 'old'))).toBeNull();
    expect(storage.getItem(tabDraftKey('p1', 'broken'))).toBeNull();
  });
});
