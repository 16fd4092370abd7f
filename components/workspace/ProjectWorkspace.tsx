'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CommentCountsProvider } from '@/components/comments/CommentCounts';
import { CommentsPanel } from '@/components/comments/CommentsPanel';
import { useComments } from '@/components/comments/useComments';
import { CompareCanvas } from '@/components/editor/CompareCanvas';
import { DiffCanvas } from '@/components/editor/DiffCanvas';
import { Editor } from '@/components/editor/Editor';
import { pendingWeights, setDesignWeightsSource, setPendingWeights } from '@/components/editor/imported-weights';
import { ReadOnlyCanvas } from '@/components/editor/ReadOnlyCanvas';
import { useNotices } from '@/components/editor/useNotices';
import { forkLiveState } from '@/components/live/fork-live-state';
import { LiveLayer } from '@/components/live/LiveLayer';
import { PresentBar } from '@/components/live/PresentBar';
import { PresenterTraining } from '@/components/live/PresenterTraining';
import { useLiveRoom } from '@/components/live/useLiveRoom';
import { call } from '@/components/ui/api';
import { useHydrated } from '@/components/ui/useHydrated';
import { fetchVersionWeights } from '@/components/weights/fetch-version-weights';
import { uploadVersionWeights } from '@/components/weights/upload-version-weights';
import { useVersionWeights } from '@/components/weights/useVersionWeights';
import { WeightBadgesProvider } from '@/components/weights/WeightBadges';
import { compareModels, type ModelComparison } from '@/engine/compare/compare-models';
import { diffGraphs, type GraphDiff } from '@/engine/graph/diff';
import { emptyGraph, type GraphDoc } from '@/engine/graph/schema';
import * as versionRoutes from '@/server/versions/routes';
import type { VersionMeta } from '@/server/versions/schemas';
import { CompareView } from './CompareView';
import { CompareWithFile, ModelFileButton } from './CompareWithFile';
import { type CompareSide, sideFromDesign, sideFromFiles } from './compare-sources';
import { DiffView } from './DiffView';
import { HistoryPanel } from './HistoryPanel';
import { useProjectEditorStore } from './ProjectEditor';
import { useProjectStatus } from './ProjectStatus';
import { saveDesign } from './save-design';
import type { LoadedVersion, VersionItem, WorkspaceProject } from './types';
import { useDraftRecovery } from './useDraftRecovery';
import { WorkspaceBanners } from './WorkspaceBanners';

type View =
  | { kind: 'edit' }
  | { kind: 'version'; number: number; graph: GraphDoc }
  | { kind: 'diff'; from: number; to: number; before: GraphDoc; after: GraphDoc; diff: GraphDiff }
  | { kind: 'compare'; a: CompareSide; b: CompareSide; comparison: ModelComparison; key: number };

/**
 * The Design tab: the canvas editor on the project's newest version, saving versions (Ctrl/Cmd+S),
 * the history (open read-only, restore, compare on the canvas; compare the design, a version or a
 * model file with a model file of any format), conflicts when someone saved first
 * (nothing is lost: the edits stay and can be saved on top), and a local draft of unsaved edits that
 * survives a reload or a crash.
 */
export function ProjectWorkspace({
  project,
  head,
  versions: initial,
  me,
  live: liveRooms = false,
}: {
  project: WorkspaceProject;
  head: LoadedVersion | null;
  versions: VersionItem[];
  /** The signed-in person, as the live room shows them to the others. */
  me?: { name: string };
  /** Whether this server serves live rooms (`npm start` does, unless `NETCANVAS_LIVE_ROOMS=0`). */
  live?: boolean;
}) {
  const editable = project.role !== 'viewer';
  const hydrated = useHydrated();
  const { store, base } = useProjectEditorStore(() => head?.graph ?? emptyGraph(project.name), head?.number ?? null);
  const notifier = useNotices();
  const { notify } = notifier;
  const { publish } = useProjectStatus();
  const [versions, setVersions] = useState(initial);
  const [headNumber, setHeadNumber] = useState(project.headNumber);
  const [view, setView] = useState<View>({ kind: 'edit' });
  const [sideTab, setSideTab] = useState('layer');
  const [conflict, setConflict] = useState<VersionItem | null>(null);
  const [saving, setSaving] = useState(false);
  const lastMessage = useRef('');
  const comments = useComments(project.id);
  const drafts = useDraftRecovery(store, project.id, head, () => base.current, editable);

  // The header shows the save state (the unsaved marker follows the store, see useProjectEditorStore).
  useEffect(() => publish({ head: headNumber, saving }), [publish, headNumber, saving]);
  useEffect(() => {
    if (drafts.restored) notify(`Your unsaved edits from ${new Date(drafts.restored.savedAt).toLocaleString()} are back.`);
  }, [drafts.restored, notify]);

  const refreshHistory = useCallback(async () => {
    const list = await call(versionRoutes.listVersions, { params: { projectId: project.id }, query: { limit: 200 } });
    if (list.ok) {
      setVersions(list.data.versions.map(versionItem));
      setHeadNumber(list.data.headNumber);
    }
  }, [project.id]);

  // The weights of the version being edited, for the badges; an import's weights stand in until saved.
  const [weightsTick, setWeightsTick] = useState(0);
  const { weights: savedWeights } = useVersionWeights(project.id, base.current, weightsTick);
  const waiting = pendingWeights(store);
  const badgeWeights = waiting ?? savedWeights ?? null;

  // Exports read the weights of the version being edited at the moment they are made.
  useEffect(() => {
    setDesignWeightsSource(store, () => (base.current ? fetchVersionWeights(project.id, base.current) : Promise.resolve(null)));
    return () => setDesignWeightsSource(store, undefined);
  }, [store, base, project.id]);

  /** An import's weights go with the version saved after it (its graph, matched by node id). */
  const storePendingWeights = useCallback(
    async (number: number) => {
      const weights = pendingWeights(store);
      if (!weights) return setWeightsTick((t) => t + 1);
      const stored = await uploadVersionWeights(project.id, number, weights);
      if (!stored.ok) return notify(`Version ${number} was saved without the imported weights: ${stored.message}`, 'error');
      setPendingWeights(store, undefined);
      setWeightsTick((t) => t + 1);
      notify(`Stored the imported weights with version ${number}.`);
    },
    [project.id, store, notify],
  );

  // The project's live room: co-editors' edits, cursors and selections, and present mode.
  const live = useLiveRoom(store, {
    enabled: liveRooms,
    projectId: project.id,
    readOnly: !editable,
    name: me?.name ?? 'Someone',
    onSaved: (number) => {
      base.current = number;
      void refreshHistory();
    },
    basedOn: () => base.current,
  });
  const { announceSaved } = live;
  const fork = async () => {
    const made = await forkLiveState(project.id, project.name, store.getState().doc);
    if (!made.ok) return notify(made.message, 'error');
    window.location.assign(`/projects/${made.id}`);
  };

  const save = useCallback(
    async (message: string, parent: number | null = base.current): Promise<boolean> => {
      const { doc, savedDoc } = store.getState();
      lastMessage.current = message;
      setSaving(true);
      // The saved document is the parent's only while saving on the version it was opened or saved as.
      const parentDoc = parent === base.current ? savedDoc : null;
      const result = await saveDesign(project.id, { parent, message, doc, parentDoc });
      setSaving(false);
      if (!result.ok) {
        notify(result.message, 'error');
        if (result.code !== 'conflict') return false;
        setConflict((result.details as { head: VersionItem | null } | undefined)?.head ?? null);
        await refreshHistory();
        return true;
      }
      base.current = result.data.number;
      setConflict(null);
      store.dispatch('markSaved', { doc });
      announceSaved(result.data.number, doc);
      publish({ savedAt: Date.now() });
      notify(`Saved version ${result.data.number}.`);
      // The dialog closes with the notice (a modal left open would swallow the next keystrokes);
      // the weights and the history follow on their own.
      void storePendingWeights(result.data.number).then(refreshHistory);
      return true;
    },
    [project.id, store, base, notify, refreshHistory, publish, storePendingWeights, announceSaved],
  );

  const loadVersion = useCallback(
    async (n: number): Promise<GraphDoc | null> => {
      const result = await call(versionRoutes.getVersion, { params: { projectId: project.id, number: n } });
      if (!result.ok) {
        notify(result.message, 'error');
        return null;
      }
      return result.data.graph;
    },
    [project.id, notify],
  );

  const open = async (n: number) => {
    const graph = await loadVersion(n);
    if (graph) setView({ kind: 'version', number: n, graph });
  };

  const compare = async (from: number, to: number) => {
    const [before, after] = await Promise.all([loadVersion(from), loadVersion(to)]);
    if (!before || !after) return;
    setView({ kind: 'diff', from, to, before, after, diff: diffGraphs(before, after) });
    setSideTab('history');
  };

  const [comparing, setComparing] = useState(false);
  const showComparison = (a: CompareSide, b: CompareSide) => {
    setView({ kind: 'compare', a, b, comparison: compareModels(a.model, b.model), key: Date.now() });
    setSideTab('history');
  };

  /** The design (as in the editor) or a saved version, with its stored weights when it has them. */
  const designSide = async (against: 'design' | number): Promise<CompareSide | null> => {
    const weightsOf = (n: number | null) => (n ? fetchVersionWeights(project.id, n).catch(() => null) : Promise.resolve(null));
    if (against === 'design')
      return sideFromDesign('the design', store.getState().doc, pendingWeights(store) ?? (await weightsOf(base.current)));
    const graph = await loadVersion(against);
    return graph ? sideFromDesign(`version ${against}`, graph, await weightsOf(against)) : null;
  };

  /** Imports the picked files in the browser and compares them with `against`, or (as A) with the file already compared. */
  const compareWithFiles = async (files: File[], against: 'design' | number | 'file-a') => {
    setComparing(true);
    try {
      const picked = await sideFromFiles(files);
      if (!picked.ok) return notify(`The file could not be compared: ${picked.message}`, 'error');
      if (against === 'file-a') {
        if (view.kind === 'compare') showComparison(picked.side, view.b);
        return;
      }
      const a = await designSide(against);
      if (a) showComparison(a, picked.side);
    } finally {
      setComparing(false);
    }
  };

  const replaceWith = (graph: GraphDoc, number: number) => {
    store.dispatch('replaceDocument', { doc: graph, mode: 'open' });
    base.current = number;
  };

  const restore = async (n: number) => {
    if (
      store.getState().dirty &&
      !window.confirm('Restoring loads that version into the editor and replaces your unsaved edits. Continue?')
    )
      return;
    const result = await call(versionRoutes.restoreVersion, { params: { projectId: project.id, number: n }, body: { parent: headNumber } });
    if (!result.ok) {
      await refreshHistory();
      return notify(result.message, 'error');
    }
    const graph = await loadVersion(result.data.number);
    if (graph) {
      replaceWith(graph, result.data.number);
      // Co-editors' pages take the restored version as saved too.
      announceSaved(result.data.number, graph);
    }
    setConflict(null);
    notify(`Version ${n} restored as version ${result.data.number}.`);
    setView({ kind: 'edit' });
    await refreshHistory();
  };

  const discardAndLoad = async (n: number) => {
    const graph = await loadVersion(n);
    if (!graph) return;
    replaceWith(graph, n);
    setConflict(null);
    notify(`Loaded version ${n}.`);
  };

  const back = () => setView({ kind: 'edit' });
  const history = (
    <div className="history-panel">
      {view.kind === 'diff' ? (
        <>
          <button type="button" onClick={back} style={{ marginBottom: '0.75rem' }}>
            Back to the editor
          </button>
          <DiffView from={view.from} to={view.to} diff={view.diff} />
        </>
      ) : view.kind === 'compare' ? (
        <>
          <div className="row small" style={{ marginBottom: '0.75rem' }}>
            <button type="button" onClick={back}>
              Back to the editor
            </button>
            <ModelFileButton
              label={comparing ? 'Reading the file…' : `Put a file in place of ${view.a.label}…`}
              disabled={comparing}
              onFiles={(files) => void compareWithFiles(files, 'file-a')}
            />
          </div>
          <CompareView comparison={view.comparison} labels={{ a: view.a.label, b: view.b.label }} />
        </>
      ) : (
        <>
          <CompareWithFile versions={versions} busy={comparing} onCompare={(files, against) => void compareWithFiles(files, against)} />
          <HistoryPanel
            versions={versions}
            headNumber={headNumber}
            canEdit={editable}
            onOpen={(n) => void open(n)}
            onRestore={(n) => void restore(n)}
            onCompare={(a, b) => void compare(a, b)}
          />
        </>
      )}
    </div>
  );
  const openThreads = comments.threads.filter((t) => !t.resolvedAt).length;
  const extraTabs = useMemo(
    () => [
      { id: 'history', label: 'History', badge: versions.length > 0 ? String(versions.length) : undefined, content: null },
      { id: 'comments', label: 'Comments', badge: openThreads > 0 ? String(openThreads) : undefined, content: null },
    ],
    [versions.length, openThreads],
  );
  const commentsPanel = <CommentsPanel comments={comments} canWrite={editable} />;

  const overlay =
    view.kind === 'version' ? (
      <ReadOnlyCanvas key={view.number} doc={view.graph} />
    ) : view.kind === 'diff' ? (
      <DiffCanvas key={`${view.from}-${view.to}`} before={view.before} after={view.after} diff={view.diff} from={view.from} to={view.to} />
    ) : view.kind === 'compare' ? (
      <CompareCanvas key={view.key} a={view.a.model.doc} b={view.b.model.doc} comparison={view.comparison} labels={compareLabels(view)} />
    ) : undefined;

  return (
    <div className="workspace" data-hydrated={hydrated ? 'true' : undefined}>
      <WeightBadgesProvider store={store} weights={view.kind === 'edit' ? badgeWeights : null}>
        <CommentCountsProvider value={comments.openCounts}>
          <Editor
            store={store}
            onWeights={() => setWeightsTick((t) => t + 1)}
            readOnly={!editable}
            onSave={editable ? (message) => save(message) : undefined}
            saving={saving}
            sideTab={sideTab}
            onSideTab={setSideTab}
            extraTabs={extraTabs.map((t) => ({ ...t, content: t.id === 'comments' ? commentsPanel : history }))}
            overlay={overlay}
            notifier={notifier}
            canvasLayer={liveRooms ? <LiveLayer live={live} /> : undefined}
            banner={
              <>
                {liveRooms ? <PresentBar live={live} canPresent={editable} projectId={project.id} onFork={() => void fork()} /> : null}
                {liveRooms ? <PresenterTraining live={live} /> : null}
                <WorkspaceBanners
                  view={view}
                  editable={editable}
                  conflict={conflict}
                  base={base.current}
                  saving={saving}
                  drafts={drafts}
                  onBack={back}
                  onRestore={(n) => void restore(n)}
                  onSaveOnTop={(n) => void save(lastMessage.current, n)}
                  onCompare={(a, b) => void compare(a, b)}
                  onDiscardAndLoad={(n) => void discardAndLoad(n)}
                />
              </>
            }
          />
        </CommentCountsProvider>
      </WeightBadgesProvider>
    </div>
  );
}

/** The two sides' names, kept as one object per comparison so the canvas lays out once. */
const labelCache = new WeakMap<ModelComparison, { a: string; b: string }>();
function compareLabels(view: { a: CompareSide; b: CompareSide; comparison: ModelComparison }): { a: string; b: string } {
  let labels = labelCache.get(view.comparison);
  if (!labels) {
    labels = { a: view.a.label, b: view.b.label };
    labelCache.set(view.comparison, labels);
  }
  return labels;
}

/** A version as the history panel lists it (times as ISO text, as the page hands them over). */
function versionItem(v: VersionMeta): VersionItem {
  return { ...v, createdAt: v.createdAt.toISOString() };
}
