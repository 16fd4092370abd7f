import { describe, expect, it } from 'vitest';
import { formatShortcut, matchShortcut, SHORTCUTS, shortcutHelp } from '../../../components/editor/store/shortcuts';
import { templateGraph } from '../../../engine/templates';
import { keyEvent, TestEditor } from './test-editor';

describe('matchShortcut', () => {
  it.each([
    [{ key: 'z', ctrlKey: true }, 'undo'],
    [{ key: 'z', metaKey: true }, 'undo'],
    [{ key: 'Z', ctrlKey: true, shiftKey: true }, 'redo'],
    [{ key: 'z', metaKey: true, shiftKey: true }, 'redo'],
    [{ key: 'y', ctrlKey: true }, 'redo'],
    [{ key: 'c', ctrlKey: true }, 'copy'],
    [{ key: 'x', metaKey: true }, 'cut'],
    [{ key: 'v', ctrlKey: true }, 'paste'],
    [{ key: 'd', ctrlKey: true }, 'duplicateSelection'],
    [{ key: 'Delete' }, 'deleteSelection'],
    [{ key: 'Backspace' }, 'deleteSelection'],
    [{ key: 'a', metaKey: true }, 'selectAll'],
    [{ key: 'Escape' }, 'clearSelection'],
    [{ key: 'g', ctrlKey: true }, 'group'],
    [{ key: 'G', ctrlKey: true, shiftKey: true }, 'ungroup'],
    [{ key: 'l' }, 'autoLayout'],
    [{ key: 'L' }, 'autoLayout'], // Caps Lock
    [{ key: 'L', shiftKey: true }, null],
    [{ key: 'f' }, 'fitView'],
    [{ key: 'm' }, 'toggleMinimap'],
    [{ key: '?', shiftKey: true }, 'toggleHelp'],
    [{ key: 's', ctrlKey: true }, 'save'],
    [{ key: 's', metaKey: true }, 'save'],
    [{ key: 'l', ctrlKey: true }, null],
    [{ key: 'z' }, null],
    [{ key: 'z', ctrlKey: true, altKey: true }, null],
    [{ key: 'z', ctrlKey: true, metaKey: true }, null],
    [{ key: 'q', ctrlKey: true }, null],
  ])('%j → %s', (event, action) => {
    expect(matchShortcut(event)).toBe(action);
  });

  it('honours the platform: Mod is Cmd on a Mac and Ctrl elsewhere', () => {
    expect(matchShortcut({ key: 'z', metaKey: true }, { platform: 'mac' })).toBe('undo');
    expect(matchShortcut({ key: 'z', ctrlKey: true }, { platform: 'mac' })).toBeNull();
    expect(matchShortcut({ key: 'z', ctrlKey: true }, { platform: 'other' })).toBe('undo');
    expect(matchShortcut({ key: 'z', metaKey: true }, { platform: 'other' })).toBeNull();
  });

  it('lets text fields keep their keys, except Save', () => {
    expect(matchShortcut({ key: 'z', ctrlKey: true }, { inTextField: true })).toBeNull();
    expect(matchShortcut({ key: 'Backspace' }, { inTextField: true })).toBeNull();
    expect(matchShortcut({ key: 'l' }, { inTextField: true })).toBeNull();
    expect(matchShortcut({ key: 's', ctrlKey: true }, { inTextField: true })).toBe('save');
  });

  it('every binding matches the event it describes, and no two bindings share a combination', () => {
    const seen = new Set<string>();
    for (const binding of SHORTCUTS) {
      for (const combo of binding.keys) {
        expect(seen.has(combo), combo).toBe(false);
        seen.add(combo);
        for (const platform of ['mac', 'other'] as const)
          expect(matchShortcut(keyEvent(combo, platform), { platform })).toBe(binding.action);
      }
    }
  });
});

describe('help overlay', () => {
  it('lists every shortcut by section, formatted for the platform', () => {
    const mac = shortcutHelp('mac');
    expect(mac.map((s) => s.title)).toEqual(['History', 'Edit', 'Selection', 'Blocks', 'Arrange', 'View', 'Document']);
    expect(mac[0]?.items).toEqual([
      { action: 'undo', label: 'Undo', keys: ['⌘Z'] },
      { action: 'redo', label: 'Redo', keys: ['⇧⌘Z', '⌘Y'] },
    ]);
    const other = shortcutHelp('other');
    expect(other.find((s) => s.group === 'group')?.items.map((i) => i.keys)).toEqual([['Ctrl+G'], ['Ctrl+Shift+G'], ['C']]);
    expect(other.flatMap((s) => s.items).length).toBe(SHORTCUTS.length);
  });

  it('formats keys', () => {
    expect(formatShortcut('Mod+Shift+Z', 'mac')).toBe('⇧⌘Z');
    expect(formatShortcut('Mod+Shift+Z', 'other')).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('Delete', 'mac')).toBe('⌦');
    expect(formatShortcut('Backspace', 'other')).toBe('Backspace');
    expect(formatShortcut('?', 'other')).toBe('?');
    expect(formatShortcut('L', 'mac')).toBe('L');
  });
});

describe('pressing shortcuts in the headless editor', () => {
  it('drives the store: select all, copy, paste, duplicate, group, ungroup, delete, undo, redo, layout', () => {
    const ed = new TestEditor({ doc: templateGraph('mlp') });
    const count = ed.doc.nodes.length;
    expect(ed.press('Mod+A')).toBe('selectAll');
    expect(ed.selected).toHaveLength(count);
    ed.press('Mod+C');
    ed.press('Mod+V');
    expect(ed.doc.nodes).toHaveLength(2 * count);
    ed.press('Mod+D');
    expect(ed.doc.nodes).toHaveLength(3 * count);
    ed.press('Mod+G');
    expect(ed.doc.groups).toHaveLength(1);
    ed.press('Mod+Shift+G');
    expect(ed.doc.groups).toBeUndefined();
    ed.press('Delete');
    expect(ed.doc.nodes).toHaveLength(2 * count);
    ed.press('Mod+Z', 'mac');
    expect(ed.doc.nodes).toHaveLength(3 * count);
    ed.press('Mod+Shift+Z');
    expect(ed.doc.nodes).toHaveLength(2 * count);
    ed.press('Mod+Z');
    ed.press('Mod+Y');
    expect(ed.doc.nodes).toHaveLength(2 * count);
    ed.press('L');
    expect(ed.state.history.undoLabel).toBe('Auto-layout');
    ed.press('Escape');
    expect(ed.selected).toEqual([]);
    ed.press('Backspace');
    expect(ed.lastRefusal).toMatch(/Select/);
    for (const combo of ['F', 'M', '?', 'Mod+S']) ed.press(combo);
    expect(ed.uiActions).toEqual(['fitView', 'toggleMinimap', 'toggleHelp', 'save']);
    expect(ed.press('Mod+Q')).toBeNull();
  });
});
