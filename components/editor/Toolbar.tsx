'use client';

import { type ReactNode, useRef } from 'react';
import { useProfile } from '@/components/profile/ProfileContext';
import { runAction } from './actions';
import { useEditor, useEditorState } from './EditorContext';
import { ExportMenu } from './ExportMenu';
import { icons } from './icons';
import { type CommandId, type EditorState, formatShortcut, SHORTCUTS, type ShortcutAction, type UiAction } from './store';
import { usePlatform } from './usePlatform';

const selectionOf = (s: EditorState) => s.selection;
const historyOf = (s: EditorState) => s.history;
const groupsOf = (s: EditorState) => s.doc.groups;
const emptyOf = (s: EditorState) => s.doc.nodes.length === 0;

export interface ToolbarProps {
  onUi(action: UiAction): void;
  onImport(files: File[]): void;
  onTemplates(): void;
  /** `json` while the document is edited as JSON. */
  view: 'canvas' | 'json';
  onView(view: 'canvas' | 'json'): void;
  minimap: boolean;
  /** Opens the problems list (export refuses a graph with errors and shows them). */
  onShowProblems(): void;
}

/**
 * The editor's commands as buttons, each labelled with its shortcut: history, clipboard, blocks,
 * arrangement and view, then templates, import, export, the JSON view, help and save.
 */
export function Toolbar({ onUi, onImport, onTemplates, view, onView, minimap, onShowProblems }: ToolbarProps) {
  const ui = useEditor();
  const { store, readOnly } = ui;
  const platform = usePlatform();
  useEditorState(selectionOf);
  useEditorState(groupsOf);
  useEditorState(emptyOf);
  const history = useEditorState(historyOf);
  const files = useRef<HTMLInputElement>(null);
  const profile = useProfile();
  const profiling = profile !== null && profile.state.status !== 'off';

  const keys = (action: ShortcutAction) => {
    const binding = SHORTCUTS.find((b) => b.action === action);
    return binding ? formatShortcut(binding.keys[0] as string, platform) : undefined;
  };
  const can = (id: CommandId) => (store.canRun as (id: CommandId) => boolean)(id);
  const button = (action: ShortcutAction, label: string, icon: ReactNode, enabled = true, pressed?: boolean) => {
    const shortcut = keys(action);
    return (
      <button
        type="button"
        className="tool"
        aria-label={label}
        aria-pressed={pressed}
        aria-keyshortcuts={shortcut}
        title={shortcut ? `${label} (${shortcut})` : label}
        disabled={!enabled}
        onClick={() => void runAction(action, ui, onUi)}
      >
        {icon}
      </button>
    );
  };
  const canvas = view === 'canvas';
  return (
    <div className="toolbar" role="toolbar" aria-label="Editor tools">
      {readOnly ? null : (
        <>
          <div className="toolbar__group">
            {button('undo', history.undoLabel ? `Undo ${history.undoLabel.toLowerCase()}` : 'Undo', icons.undo, history.canUndo)}
            {button('redo', history.redoLabel ? `Redo ${history.redoLabel.toLowerCase()}` : 'Redo', icons.redo, history.canRedo)}
          </div>
          <div className="toolbar__group">
            {button('copy', 'Copy', icons.copy, canvas && can('copy'))}
            {button('paste', 'Paste', icons.paste, canvas)}
            {button('duplicateSelection', 'Duplicate', icons.duplicate, canvas && can('duplicateSelection'))}
            {button('deleteSelection', 'Delete', icons.trash, canvas && can('deleteSelection'))}
          </div>
          <div className="toolbar__group">
            {button('group', 'Group into block', icons.group, canvas && can('group'))}
            {button('ungroup', 'Ungroup', icons.ungroup, canvas && can('ungroup'))}
            {button('toggleGroupCollapsed', 'Collapse or expand block', icons.collapse, canvas && can('toggleGroupCollapsed'))}
          </div>
        </>
      )}
      <div className="toolbar__group">
        {readOnly ? null : button('autoLayout', 'Auto-layout', icons.layout, canvas && can('autoLayout'))}
        {readOnly ? null : button('foldColumns', 'Fold long columns', icons.fold, canvas && can('foldColumns'))}
        {button('fitView', 'Fit view', icons.fit, canvas)}
        {button('toggleMinimap', minimap ? 'Hide minimap' : 'Show minimap', icons.minimap, canvas, minimap)}
      </div>
      {profile ? (
        <button
          type="button"
          className="tool tool--text"
          aria-pressed={profiling}
          aria-label="Profile"
          disabled={!canvas}
          onClick={profiling ? profile.stop : profile.start}
          title={
            profiling
              ? 'Turn the profile off'
              : 'Time each layer’s forward and backward pass on your training backend and show where the time goes'
          }
        >
          {icons.profile} <span className="tool__label">Profile</span>
        </button>
      ) : null}
      <span className="spacer" />
      {readOnly ? null : (
        <>
          <button type="button" className="tool tool--text" onClick={onTemplates} title="Start from a template" aria-label="Templates">
            {icons.templates} <span className="tool__label">Templates</span>
          </button>
          <button
            type="button"
            className="tool tool--text"
            aria-label="Import"
            onClick={() => files.current?.click()}
            title="Open a TF.js model.json (with its weight files), a Keras model JSON or .h5, an ONNX file or a Caffe .prototxt (with its .caffemodel) — or drop them on the canvas"
          >
            {icons.import} <span className="tool__label">Import</span>
          </button>
          <input
            ref={files}
            type="file"
            multiple
            hidden
            aria-label="Import model files"
            accept=".json,.bin,.h5,.onnx,.prototxt,.caffemodel,application/json,application/octet-stream"
            onChange={(e) => {
              const list = [...(e.target.files ?? [])];
              e.target.value = '';
              if (list.length > 0) onImport(list);
            }}
          />
        </>
      )}
      <ExportMenu onShowProblems={onShowProblems} />
      <button
        type="button"
        className="tool tool--text"
        aria-pressed={!canvas}
        aria-label="Edit as JSON"
        onClick={() => onView(canvas ? 'json' : 'canvas')}
        title={canvas ? 'Edit the document as JSON' : 'Back to the canvas'}
      >
        {canvas ? icons.code : icons.canvas} <span className="tool__label">{canvas ? 'Edit as JSON' : 'Canvas'}</span>
      </button>
      {button('toggleHelp', 'Keyboard shortcuts', icons.help)}
      {readOnly ? null : (
        <button
          type="button"
          className="tool tool--save primary"
          onClick={() => onUi('save')}
          title={`Save a version (${keys('save')})`}
          aria-keyshortcuts={keys('save')}
        >
          {icons.save} <span className="tool__label">Save version</span>
        </button>
      )}
    </div>
  );
}
