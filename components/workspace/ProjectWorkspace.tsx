'use client';

import { useEffect, useMemo, useState } from 'react';
import { api } from '@/components/ui/api';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { useHydrated } from '@/components/ui/useHydrated';
import type { GraphDiff } from '@/engine/graph/diff';
import { parseGraph } from '@/engine/graph/parse';
import type { GraphDoc } from '@/engine/graph/schema';
import { DiffView } from './DiffView';
import { GraphSummary } from './GraphSummary';
import { HistoryPanel } from './HistoryPanel';
import { JsonEditor } from './JsonEditor';
import { STARTER_GRAPH } from './starter-graph';
import type { LoadedVersion, VersionItem, WorkspaceProject } from './types';

type View =
  | { kind: 'edit' }
  | { kind: 'version'; number: number; graph: GraphDoc }
  | { kind: 'diff'; from: number; to: number; diff: GraphDiff };

const pretty = (doc: GraphDoc) => JSON.stringify(doc, null, 2);
const draftKey = (projectId: string) => `netcanvas:draft:${projectId}`;

/**
 * The project page's working area: the current graph (summary + JSON editor), saving versions,
 * the history (open, restore, compare) and conflicts. Unsaved edits are kept in the browser tab (sessionStorage) as a
 * draft, so a conflict or a reload never loses them.
 */
export function ProjectWorkspace({
  project,
  head,
  versions: initial,
}: {
  project: WorkspaceProject;
  head: LoadedVersion | null;
  versions: VersionItem[];
}) {
  const editable = project.role !== 'viewer';
  const [versions, setVersions] = useState(initial);
  const [headNumber, setHeadNumber] = useState(project.headNumber);
  const [base, setBase] = useState<number | null>(head?.number ?? null);
  const [savedText, setSavedText] = useState(pretty(head?.graph ?? STARTER_GRAPH));
  const [text, setText] = useState(savedText);
  const [message, setMessage] = useState('');
  const [view, setView] = useState<View>({ kind: 'edit' });
  const [conflict, setConflict] = useState<VersionItem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  const parsed = useMemo(() => parseGraph(text), [text]);
  const [lastGood, setLastGood] = useState<GraphDoc>(head?.graph ?? STARTER_GRAPH);
  useEffect(() => {
    if (parsed.ok) setLastGood(parsed.doc);
  }, [parsed]);

  // Bring back unsaved edits from an earlier visit (once, on first load).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per project, against the text it was loaded with
  useEffect(() => {
    const raw = window.sessionStorage.getItem(draftKey(project.id));
    if (!raw) return;
    const draft = JSON.parse(raw) as { base: number | null; text: string };
    if (draft.text !== savedText) {
      setText(draft.text);
      setBase(draft.base);
      setNotice(`Your unsaved edits from earlier (based on version ${draft.base ?? 'none'}) are back in the editor.`);
    }
  }, [project.id]);

  const dirty = text !== savedText;
  useEffect(() => {
    if (dirty) window.sessionStorage.setItem(draftKey(project.id), JSON.stringify({ base, text }));
    else window.sessionStorage.removeItem(draftKey(project.id));
  }, [dirty, base, text, project.id]);

  async function refreshHistory() {
    const list = await api<{ headNumber: number | null; versions: VersionItem[] }>('GET', `/api/projects/${project.id}/versions?limit=200`);
    if (list.ok) {
      setVersions(list.data.versions);
      setHeadNumber(list.data.headNumber);
    }
  }

  async function save(parent: number | null) {
    if (!parsed.ok) return setError('Fix the problems in the document before saving.');
    setBusy(true);
    setError(null);
    const result = await api<VersionItem>('POST', `/api/projects/${project.id}/versions`, { parent, message, graph: JSON.parse(text) });
    setBusy(false);
    if (!result.ok) {
      if (result.code === 'conflict') {
        const details = result.details as { head: VersionItem | null } | undefined;
        setConflict(details?.head ?? null);
        await refreshHistory();
      }
      return setError(result.message);
    }
    setConflict(null);
    setBase(result.data.number);
    setSavedText(text);
    setMessage('');
    setNotice(`Saved version ${result.data.number}.`);
    await refreshHistory();
  }

  async function loadVersion(n: number): Promise<GraphDoc | null> {
    const result = await api<{ graph: GraphDoc }>('GET', `/api/projects/${project.id}/versions/${n}`);
    if (!result.ok) {
      setError(result.message);
      return null;
    }
    return result.data.graph;
  }

  async function open(n: number) {
    const graph = await loadVersion(n);
    if (graph) setView({ kind: 'version', number: n, graph });
  }

  async function compare(from: number, to: number) {
    const result = await api<{ diff: GraphDiff }>('GET', `/api/projects/${project.id}/diff?from=${from}&to=${to}`);
    if (!result.ok) return setError(result.message);
    setView({ kind: 'diff', from, to, diff: result.data.diff });
  }

  async function restore(n: number) {
    if (dirty && !window.confirm('Restoring loads that version into the editor and replaces your unsaved edits. Continue?')) return;
    const result = await api<VersionItem>('POST', `/api/projects/${project.id}/versions/${n}/restore`, { parent: headNumber });
    if (!result.ok) {
      await refreshHistory();
      return setError(result.message);
    }
    const graph = await loadVersion(result.data.number);
    if (graph) {
      const restored = pretty(graph);
      setSavedText(restored);
      setText(restored);
      setBase(result.data.number);
    }
    setConflict(null);
    setError(null);
    setNotice(`Version ${n} restored as version ${result.data.number}.`);
    setView({ kind: 'edit' });
    await refreshHistory();
  }

  async function discardAndLoad(n: number) {
    const graph = await loadVersion(n);
    if (!graph) return;
    const loaded = pretty(graph);
    setSavedText(loaded);
    setText(loaded);
    setBase(n);
    setConflict(null);
    setError(null);
    setNotice(`Loaded version ${n}.`);
  }

  return (
    <>
      <div className="page-head" data-hydrated={hydrated ? 'true' : undefined}>
        <div>
          <h1>{project.name}</h1>
          <p className="muted">
            {headNumber ? `Version ${headNumber} is the newest.` : 'No versions saved yet.'} You are {project.role === 'owner' ? 'an' : 'a'}{' '}
            {project.role}
            {editable ? '.' : ': you can look and compare, not change.'}
          </p>
        </div>
      </div>
      <ErrorNote message={error} />
      {notice && !error ? (
        <p className="alert ok" role="status">
          {notice}
        </p>
      ) : null}
      {conflict ? (
        <div className="alert warn" role="alert" aria-label="Conflict">
          <p>
            Version {conflict.number} by {conflict.author?.name ?? 'someone'} was saved while you were editing
            {conflict.message ? ` (“${conflict.message}”)` : ''}. Your edits are still here.
          </p>
          <div className="row">
            <button type="button" className="primary" disabled={busy} onClick={() => void save(conflict.number)}>
              Save mine on top of version {conflict.number}
            </button>
            {base ? (
              <button type="button" onClick={() => void compare(base, conflict.number)}>
                See what they changed
              </button>
            ) : null}
            <button
              type="button"
              onClick={() => window.confirm('Discard your edits and load their version?') && void discardAndLoad(conflict.number)}
            >
              Discard mine, load version {conflict.number}
            </button>
          </div>
        </div>
      ) : null}
      <div className="grid-2">
        <div>
          {view.kind === 'edit' ? (
            <>
              <section className="panel">
                <h2>Network</h2>
                <GraphSummary doc={lastGood} />
              </section>
              <section className="panel">
                <div className="row" style={{ marginBottom: '0.5rem' }}>
                  <h2 style={{ margin: 0 }}>Document</h2>
                  <span className="muted small">{base ? `editing from version ${base}` : 'not saved yet'}</span>
                  {dirty ? <span className="badge">unsaved changes</span> : null}
                </div>
                <JsonEditor text={text} onChange={setText} problems={parsed.ok ? [] : parsed.diagnostics} readOnly={!editable} />
                {editable ? (
                  <form
                    className="row"
                    style={{ marginTop: '0.75rem' }}
                    onSubmit={(e) => {
                      e.preventDefault();
                      void save(base);
                    }}
                  >
                    <input
                      value={message}
                      onChange={(e) => setMessage(e.target.value)}
                      placeholder="What changed? (optional)"
                      aria-label="Version message"
                      maxLength={500}
                      style={{ flex: 1 }}
                    />
                    <button className="primary" type="submit" disabled={!hydrated || busy || !parsed.ok || (!dirty && base !== null)}>
                      Save version
                    </button>
                  </form>
                ) : null}
              </section>
            </>
          ) : view.kind === 'version' ? (
            <section className="panel" aria-label={`Version ${view.number}`}>
              <div className="row" style={{ marginBottom: '0.5rem' }}>
                <h2 style={{ margin: 0 }}>Version {view.number}</h2>
                <span className="badge grey">read-only</span>
                <span className="spacer" />
                <button type="button" onClick={() => setView({ kind: 'edit' })}>
                  Back to the editor
                </button>
              </div>
              <GraphSummary doc={view.graph} />
              <details style={{ marginTop: '0.75rem' }}>
                <summary>Document</summary>
                <pre style={{ overflow: 'auto', maxHeight: 400 }}>{pretty(view.graph)}</pre>
              </details>
            </section>
          ) : (
            <section className="panel">
              <div className="row" style={{ marginBottom: '0.5rem' }}>
                <span className="spacer" />
                <button type="button" onClick={() => setView({ kind: 'edit' })}>
                  Back to the editor
                </button>
              </div>
              <DiffView from={view.from} to={view.to} diff={view.diff} />
            </section>
          )}
        </div>
        <aside className="panel">
          <h2>History</h2>
          <HistoryPanel
            versions={versions}
            headNumber={headNumber}
            canEdit={editable}
            onOpen={(n) => void open(n)}
            onRestore={(n) => void restore(n)}
            onCompare={(a, b) => void compare(a, b)}
          />
        </aside>
      </div>
    </>
  );
}
