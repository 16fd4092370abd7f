import type { Command, CommandGroup } from '../command';
import { addNode } from './add-node';
import { autoLayout } from './auto-layout';
import { clearSelection } from './clear-selection';
import { connect } from './connect';
import { copy } from './copy';
import { cut } from './cut';
import { cutAfter } from './cut-after';
import { deleteSelection } from './delete-selection';
import { disconnect } from './disconnect';
import { duplicateSelection } from './duplicate-selection';
import { foldColumns } from './fold-columns';
import { freezeUpTo } from './freeze-up-to';
import { group } from './group';
import { markSaved } from './mark-saved';
import { moveNodes } from './move-nodes';
import { paste } from './paste';
import { redo } from './redo';
import { renameGroup } from './rename-group';
import { renameNode } from './rename-node';
import { replaceDocument } from './replace-document';
import { replaceHead } from './replace-head';
import { selectAll } from './select-all';
import { selectNodes } from './select-nodes';
import { setTrainable } from './set-trainable';
import { setTraining } from './set-training';
import { toggleGroupCollapsed } from './toggle-group-collapsed';
import { undo } from './undo';
import { ungroup } from './ungroup';
import { updateParams } from './update-params';

/**
 * Every editor command by id. The toolbar, context menu, keyboard shortcuts and help overlay are all
 * generated from this one table; adding a command means one file here and one line below.
 */
export const COMMANDS = {
  undo,
  redo,
  addNode,
  deleteSelection,
  moveNodes,
  connect,
  disconnect,
  updateParams,
  renameNode,
  setTrainable,
  freezeUpTo,
  cutAfter,
  replaceHead,
  duplicateSelection,
  copy,
  cut,
  paste,
  selectAll,
  selectNodes,
  clearSelection,
  group,
  ungroup,
  toggleGroupCollapsed,
  renameGroup,
  autoLayout,
  foldColumns,
  setTraining,
  replaceDocument,
  markSaved,
} as const;

export type Commands = typeof COMMANDS;
export type CommandId = keyof Commands;
/** The arguments of a command. */
export type ArgsOf<K extends CommandId> = Parameters<Commands[K]['perform']>[1];
/** What a command hands back on success (clipboard text, new ids…). */
export type OutputOf<K extends CommandId> = Commands[K] extends Command<never, infer O> ? O : never;

/** Type guard for ids coming from outside (serialized logs, shortcut tables). */
export function isCommandId(id: string): id is CommandId {
  return Object.hasOwn(COMMANDS, id);
}

/** Commands grouped for menus and the help overlay, in registry order. */
export function commandsByGroup(): Map<CommandGroup, Command<never, unknown>[]> {
  const groups = new Map<CommandGroup, Command<never, unknown>[]>();
  for (const command of Object.values(COMMANDS) as Command<never, unknown>[]) {
    groups.set(command.group, [...(groups.get(command.group) ?? []), command]);
  }
  return groups;
}
