import type { Command, CommandGroup } from './command';
import { COMMANDS, type CommandId } from './commands';

/** Actions a shortcut can trigger that belong to the UI rather than the store. */
export type UiAction = 'fitView' | 'toggleMinimap' | 'toggleHelp' | 'save' | 'findLayer';
export type ShortcutAction = CommandId | UiAction;
export type ShortcutGroup = CommandGroup | 'view';

/** The parts of a keyboard event that shortcuts look at (a DOM `KeyboardEvent` fits). */
export interface KeyEventLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
}

export type Platform = 'mac' | 'other';

export interface ShortcutBinding {
  action: ShortcutAction;
  label: string;
  group: ShortcutGroup;
  /** Combinations such as `Mod+Shift+Z`: `Mod` is Cmd on a Mac and Ctrl elsewhere. */
  keys: readonly string[];
}

const UI_ACTIONS: readonly ShortcutBinding[] = [
  { action: 'fitView', label: 'Fit the diagram in view', group: 'view', keys: ['F'] },
  { action: 'toggleMinimap', label: 'Show or hide the minimap', group: 'view', keys: ['M'] },
  { action: 'toggleHelp', label: 'Show keyboard shortcuts', group: 'view', keys: ['?'] },
  { action: 'findLayer', label: 'Find a layer in the palette', group: 'edit', keys: ['/'] },
  { action: 'save', label: 'Save a version', group: 'document', keys: ['Mod+S'] },
];

/** Every keyboard shortcut: the commands' own (from the registry) and the UI's. */
export const SHORTCUTS: readonly ShortcutBinding[] = [
  ...(Object.values(COMMANDS) as Command<never, unknown>[]).flatMap((command) =>
    command.shortcut ? [{ action: command.id as CommandId, label: command.label, group: command.group, keys: command.shortcut }] : [],
  ),
  ...UI_ACTIONS,
];

interface Combo {
  mod: boolean;
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parseCombo(combo: string): Combo {
  const parts = combo.split('+');
  const key = parts.pop() || '+';
  const has = (name: string) => parts.includes(name);
  return { mod: has('Mod'), ctrl: has('Ctrl'), shift: has('Shift'), alt: has('Alt'), key: key.toLowerCase() };
}

const COMBOS = SHORTCUTS.flatMap((binding) => binding.keys.map((keys) => ({ combo: parseCombo(keys), action: binding.action })));

/**
 * The action a key press triggers, or `null`. `Mod` matches Ctrl or Cmd (only Cmd on a Mac, only Ctrl
 * elsewhere when the platform is given). Single keys fire only without Ctrl, Cmd or Alt; Shift counts
 * for letters but not for symbols typed with it (`?`). While typing in a text field only Save fires,
 * so the field keeps its own undo, copy and paste.
 *
 * @example
 * matchShortcut({ key: 'z', ctrlKey: true, shiftKey: true }) // 'redo'
 * matchShortcut({ key: 'l' })                                 // 'autoLayout'
 */
export function matchShortcut(event: KeyEventLike, options: { platform?: Platform; inTextField?: boolean } = {}): ShortcutAction | null {
  const key = event.key.toLowerCase();
  for (const { combo, action } of COMBOS) {
    if (combo.key !== key) continue;
    if (options.inTextField && action !== 'save') continue;
    if (!controlKeysMatch(combo, event, options.platform)) continue;
    if ((event.altKey === true) !== combo.alt) continue;
    const symbol = combo.key.length === 1 && !/^[a-z0-9]$/.test(combo.key);
    if (!symbol && (event.shiftKey === true) !== combo.shift) continue;
    return action;
  }
  return null;
}

/** Ctrl and Cmd as the combination wants them; without a platform, `Mod` takes either (not both). */
function controlKeysMatch(combo: Combo, event: KeyEventLike, platform: Platform | undefined): boolean {
  const ctrl = event.ctrlKey === true;
  const meta = event.metaKey === true;
  if (combo.mod && platform === undefined) return ctrl !== meta || (ctrl && combo.ctrl);
  const wantMeta = combo.mod && platform === 'mac';
  const wantCtrl = combo.ctrl || (combo.mod && platform === 'other');
  return ctrl === wantCtrl && meta === wantMeta;
}

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Ctrl: '⌃', Shift: '⇧', Alt: '⌥' };
const KEY_NAMES: Record<string, { mac: string; other: string }> = {
  Delete: { mac: '⌦', other: 'Delete' },
  Backspace: { mac: '⌫', other: 'Backspace' },
  Escape: { mac: 'Esc', other: 'Esc' },
};

/**
 * A combination as the help overlay shows it: `⇧⌘Z` on a Mac, `Ctrl+Shift+Z` elsewhere.
 *
 * @example
 * formatShortcut('Mod+Shift+Z', 'mac') // '⇧⌘Z'
 */
export function formatShortcut(combo: string, platform: Platform): string {
  const parts = combo.split('+');
  const key = parts.pop() ?? '';
  const name = KEY_NAMES[key]?.[platform] ?? (key.length === 1 ? key.toUpperCase() : key);
  if (platform === 'mac') {
    const order = ['Ctrl', 'Alt', 'Shift', 'Mod'];
    return [...parts.sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((p) => MAC_SYMBOLS[p] ?? p), name].join('');
  }
  return [...parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)), name].join('+');
}

export interface HelpSection {
  group: ShortcutGroup;
  title: string;
  items: { action: ShortcutAction; label: string; keys: string[] }[];
}

const SECTION_TITLES: Record<ShortcutGroup, string> = {
  history: 'History',
  edit: 'Edit',
  selection: 'Selection',
  group: 'Blocks',
  arrange: 'Arrange',
  view: 'View',
  document: 'Document',
};

/** The help overlay's content: shortcuts by section, keys formatted for the platform. */
export function shortcutHelp(platform: Platform): HelpSection[] {
  return (Object.keys(SECTION_TITLES) as ShortcutGroup[]).flatMap((group) => {
    const items = SHORTCUTS.filter((b) => b.group === group).map((b) => ({
      action: b.action,
      label: b.label,
      keys: b.keys.map((k) => formatShortcut(k, platform)),
    }));
    return items.length > 0 ? [{ group, title: SECTION_TITLES[group], items }] : [];
  });
}

export function isUiAction(action: ShortcutAction): action is UiAction {
  return UI_ACTIONS.some((b) => b.action === action);
}
