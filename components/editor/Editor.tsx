'use client';

import '@xyflow/react/dist/style.css';
import './editor.css';
import './canvas.css';
import './panels.css';
import './dialogs.css';
import { ReactFlowProvider } from '@xyflow/react';
import { type ReactNode, useCallback, useMemo, useReducer, useRef, useState } from 'react';
import { handOffGraphModel } from '@/components/graph-model/handoff';
import { ProfileBar } from '@/components/profile/ProfileBar';
import { ProfileProvider } from '@/components/profile/ProfileContext';
import { templateGraph } from '@/engine/templates';
import { browserImportDeps } from './browser-import-deps';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { EditorCanvas } from './EditorCanvas';
import { EditorProvider, useEditor, useEditorState } from './EditorContext';
import { elkPositions } from './elk-layout';
import { HelpOverlay } from './HelpOverlay';
import { ImportStatus } from './ImportStatus';
import { Inspector } from './Inspector';
import { IMPORT_IDLE, importReducer } from './import-lifecycle';
import { setImportedWeights, setPendingWeights } from './imported-weights';
import { JsonView } from './JsonView';
import { Palette } from './Palette';
import { SaveDialog } from './SaveDialog';
import { StatusBar } from './StatusBar';
import { SummaryPanel } from './SummaryPanel';
import type { EditorState, EditorStore, UiAction } from './store';
import { TemplatePicker } from './TemplatePicker';
import { Toasts } from './Toasts';
import { Toolbar } from './Toolbar';
import { useEditorShortcuts } from './useEditorShortcuts';
import { type Notifier, useNotices } from './useNotices';

/** A tab of the side panel besides the editor's own (the workspace adds History). */
export interface SideTab {
  id: string;
  label: string;
  /** A count shown beside the label. */
  badge?: string;
  content: ReactNode;
}

export interface EditorProps {
  store: EditorStore;
  readOnly?: boolean;
  /** Saves a version with this message; resolves `true` when saved (the dialog closes). */
  onSave?(message: string): Promise<boolean>;
  saving?: boolean;
  /** The side panel's open tab (`layer`, `problems` or an extra tab's id) and its setter. */
  sideTab: string;
  onSideTab(tab: string): void;
  extraTabs?: SideTab[];
  /** Drawn over the canvas instead of it (an old version, a comparison); the canvas keeps its view. */
  overlay?: ReactNode;
  /** Messages above the canvas (conflict, recovered draft). */
  banner?: ReactNode;
  /** Drawn inside the canvas, in its coordinates (co-editors' cursors and selections). */
  canvasLayer?: ReactNode;
  /** Share the toast messages with the page around the editor (save results); default: the editor's own. */
  notifier?: Notifier;
  /** Called when the weights waiting for the next save change (an import brought some, a template dropped them). */
  onWeights?(): void;
}

const errorCount = (s: EditorState) => s.analysis.diagnostics.filter((d) => d.severity === 'error').length;

/**
 * The whole editor around one store: palette, toolbar, canvas (or JSON), status bar and model
 * summary, the side panel (inspector, problems, and the workspace's tabs), and its dialogs.
 */
export function Editor(props: EditorProps) {
  const own = useNotices();
  const { notices, notify, dismiss } = props.notifier ?? own;
  return (
    <ReactFlowProvider>
      <EditorProvider store={props.store} readOnly={props.readOnly ?? false} notify={notify}>
        <ProfileProvider store={props.store}>
          <EditorLayout {...props} />
        </ProfileProvider>
        <Toasts notices={notices} onDismiss={dismiss} />
      </EditorProvider>
    </ReactFlowProvider>
  );
}

type Dialogs = 'help' | 'save' | 'templates' | null;

function EditorLayout({
  onSave,
  saving = false,
  sideTab,
  onSideTab,
  extraTabs = [],
  overlay,
  banner,
  onWeights,
  canvasLayer,
}: EditorProps) {
  const ui = useEditor();
  const { store, readOnly, notify } = ui;
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [minimap, setMinimap] = useState(true);
  const [summaryOpen, setSummaryOpen] = useState(false);
  const [view, setView] = useState<'canvas' | 'json'>('canvas');
  const [importState, sendImport] = useReducer(importReducer, IMPORT_IDLE);
  const search = useRef<HTMLInputElement>(null);
  const errors = useEditorState(errorCount);

  const onUi = useCallback(
    (action: UiAction) => {
      if (action === 'toggleHelp') setDialog((d) => (d === 'help' ? null : 'help'));
      else if (action === 'toggleMinimap') setMinimap((m) => !m);
      else if (action === 'save') {
        if (!readOnly && onSave) setDialog('save');
      } else if (action === 'findLayer') search.current?.focus();
    },
    [readOnly, onSave],
  );
  useEditorShortcuts(dialog === null ? ui : null, onUi);

  // The files of the last import, handed to the graph model page when they turn out to be one.
  const dropped = useRef<File[]>([]);
  const importFiles = useCallback(
    async (files: File[]) => {
      if (readOnly) return;
      dropped.current = files;
      const { importModelFiles } = await import('./import-model-files');
      const result = await importModelFiles(files, await browserImportDeps(sendImport));
      if (!result.ok) return;
      const dispatched = store.dispatch('replaceDocument', { doc: result.doc, mode: 'import' });
      if (!dispatched.ok) return notify(dispatched.reason, 'error');
      setImportedWeights(store, result.weights);
      setPendingWeights(store, result.packed ? { ...result.packed, source: `import:${result.outcome.fileName}` } : undefined);
      onWeights?.();
      setView('canvas');
      requestAnimationFrame(() => ui.canvas.current?.fitView());
    },
    [readOnly, store, notify, ui, onWeights],
  );

  const applyTemplate = useCallback(
    async (name: string) => {
      setDialog(null);
      const doc = templateGraph(name);
      if (!doc) return;
      const laid = await elkPositions(doc).then(
        (positions) => ({ ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: positions[n.id] ?? n.position })) }),
        () => doc,
      );
      const result = store.dispatch('replaceDocument', { doc: laid, mode: 'import' });
      if (!result.ok) return notify(result.reason, 'error');
      setImportedWeights(store, undefined);
      setPendingWeights(store, undefined);
      onWeights?.();
      notify(`Started from the ${doc.name ?? name} template. Undo brings your diagram back.`);
      requestAnimationFrame(() => ui.canvas.current?.fitView());
    },
    [store, notify, ui, onWeights],
  );

  const tabs = useMemo(
    () => [
      { id: 'layer', label: 'Layer' },
      { id: 'problems', label: 'Problems', ...(errors > 0 ? { badge: String(errors) } : {}) },
      ...extraTabs.map(({ id, label, badge }) => ({ id, label, ...(badge ? { badge } : {}) })),
    ],
    [errors, extraTabs],
  );

  return (
    <div className={`editor${readOnly ? ' editor--readonly' : ''}`}>
      {readOnly ? null : <Palette ref={search} />}
      <section className="editor__main" aria-label="Design">
        <Toolbar
          onUi={onUi}
          onImport={(files) => void importFiles(files)}
          onTemplates={() => setDialog('templates')}
          view={view}
          onView={setView}
          minimap={minimap}
          onShowProblems={() => onSideTab('problems')}
        />
        {banner}
        <div className="editor__stage">
          <EditorCanvas minimap={minimap} onFiles={(files) => void importFiles(files)}>
            {canvasLayer}
          </EditorCanvas>
          {view === 'json' ? (
            <div className="editor__json">
              <JsonView />
            </div>
          ) : null}
          {overlay ? <div className="editor__overlay">{overlay}</div> : null}
          {view === 'canvas' ? <ProfileBar /> : null}
          <ImportStatus
            state={importState}
            onDismiss={() => sendImport({ type: 'dismiss' })}
            onOpenGraphModel={() => handOffGraphModel(dropped.current)}
          />
          <EmptyHint onTemplates={() => setDialog('templates')} />
        </div>
        <StatusBar summaryOpen={summaryOpen} onSummary={() => setSummaryOpen((o) => !o)} onProblems={() => onSideTab('problems')} />
        {summaryOpen ? (
          <div className="editor__drawer" id="model-summary">
            <SummaryPanel />
          </div>
        ) : null}
      </section>
      <aside className="editor__side" aria-label="Details">
        <div className="tabs" role="tablist" aria-label="Panels">
          {tabs.map((tab) => (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={sideTab === tab.id}
              aria-controls={`panel-${tab.id}`}
              className="tabs__tab"
              onClick={() => onSideTab(tab.id)}
            >
              {tab.label}
              {'badge' in tab && tab.badge ? (
                <span className={`tabs__badge${tab.id === 'problems' ? ' tabs__badge--alert' : ''}`}>{tab.badge}</span>
              ) : null}
            </button>
          ))}
        </div>
        <div className="editor__panel" role="tabpanel" id={`panel-${sideTab}`} aria-labelledby={`tab-${sideTab}`}>
          {sideTab === 'layer' ? (
            <Inspector />
          ) : sideTab === 'problems' ? (
            <DiagnosticsPanel />
          ) : (
            extraTabs.find((t) => t.id === sideTab)?.content
          )}
        </div>
      </aside>
      {dialog === 'help' ? <HelpOverlay onClose={() => setDialog(null)} /> : null}
      {dialog === 'templates' ? <TemplatePicker onPick={(name) => void applyTemplate(name)} onClose={() => setDialog(null)} /> : null}
      {dialog === 'save' && onSave ? (
        <SaveDialog
          busy={saving}
          hasErrors={errors > 0}
          onClose={() => setDialog(null)}
          onSave={(message) => {
            void onSave(message).then((saved) => saved && setDialog(null));
          }}
        />
      ) : null}
    </div>
  );
}

const emptyOf = (s: EditorState) => s.doc.nodes.length === 0;

/** On an empty canvas: where to start. */
function EmptyHint({ onTemplates }: { onTemplates(): void }) {
  const { readOnly } = useEditor();
  const empty = useEditorState(emptyOf);
  if (!empty) return null;
  return (
    <div className="empty-hint">
      <h2>An empty canvas</h2>
      <p className="muted">
        {readOnly
          ? 'This version has no layers.'
          : 'Drag layers from the palette on the left, start from a template, or drop a TF.js model.json or Keras JSON here.'}
      </p>
      {readOnly ? null : (
        <button type="button" className="primary" onClick={onTemplates}>
          Start from a template
        </button>
      )}
    </div>
  );
}
