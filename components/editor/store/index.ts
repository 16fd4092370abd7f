/**
 * The editor's headless state and command layer: pure TypeScript, no DOM, no React. The canvas UI
 * binds to it with `useSyncExternalStore(store.subscribe, store.getState)`.
 */
export { CLIPBOARD_FORMAT, CLIPBOARD_VERSION, type ClipboardRead, readClipboardText } from './clipboard';
export { type Command, type CommandGroup, type CommandOutcome, type CommandRefusal, type CommandResult, defineCommand } from './command';
export { type ArgsOf, COMMANDS, type CommandId, commandsByGroup, isCommandId, type OutputOf } from './commands';
export { type ConnectionCheck, canConnect, type PortTarget, validTargets } from './connection-rules';
export * from './draft';
export { type EditorState, EMPTY_SELECTION, type HistoryStatus, type Selection } from './editor-state';
export { createEditorStore, type DispatchResult, type EditorStore, type EditorStoreOptions, type Listener } from './editor-store';
export * from './selectors';
export * from './shortcuts';
