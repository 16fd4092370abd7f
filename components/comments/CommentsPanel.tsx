'use client';

import './comments.css';
import { useState } from 'react';
import { useEditor, useEditorState } from '@/components/editor/EditorContext';
import { ErrorNote } from '@/components/ui/ErrorNote';
import type { Thread } from '@/server/comments/schemas';
import type { useComments } from './useComments';

/**
 * The Comments side tab: the threads of the selected layer (or of every layer when none is
 * selected), a box to start one on the selected layer, replies, resolve and reopen. Viewers read.
 */
export function CommentsPanel({ comments, canWrite }: { comments: ReturnType<typeof useComments>; canWrite: boolean }) {
  const { store } = useEditor();
  const selected = useEditorState((s) => s.selection.nodes[0] ?? null);
  const names = useEditorState((s) => s.doc.nodes);
  const [showResolved, setShowResolved] = useState(false);
  const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? id;
  const threads = comments.threads.filter((t) => (selected ? t.nodeId === selected : true) && (showResolved || !t.resolvedAt));
  const resolvedCount = comments.threads.filter((t) => (selected ? t.nodeId === selected : true) && t.resolvedAt).length;
  return (
    <div className="comments-panel" data-testid="comments-panel">
      <p className="muted small">
        {selected ? (
          <>
            On <strong>{nameOf(selected)}</strong>
          </>
        ) : (
          'Every layer: select a layer to comment on it.'
        )}
      </p>
      {canWrite && selected ? (
        <NewComment key={selected} onSend={(text) => comments.add(selected, text)} label="Comment on this layer" />
      ) : null}
      <ErrorNote message={comments.error} />
      {threads.length === 0 ? <p className="muted small">No open comments{selected ? ' on this layer' : ''}.</p> : null}
      <ol className="comment-threads">
        {threads.map((t) => (
          <ThreadView
            key={t.id}
            thread={t}
            layer={nameOf(t.nodeId)}
            canWrite={canWrite}
            onReply={(text) => comments.add(t.nodeId, text, t.id)}
            onResolve={(resolved) => void comments.resolve(t.id, resolved)}
            onShow={() => store.dispatch('selectNodes', { nodes: [t.nodeId] })}
            showLayer={!selected}
          />
        ))}
      </ol>
      {resolvedCount > 0 ? (
        <label className="small">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.currentTarget.checked)} /> Show {resolvedCount}{' '}
          resolved
        </label>
      ) : null}
    </div>
  );
}

function ThreadView(props: {
  thread: Thread;
  layer: string;
  canWrite: boolean;
  showLayer: boolean;
  onReply(text: string): Promise<boolean>;
  onResolve(resolved: boolean): void;
  onShow(): void;
}) {
  const { thread } = props;
  const [replying, setReplying] = useState(false);
  return (
    <li
      className={`comment-thread${thread.resolvedAt ? ' comment-thread--resolved' : ''}`}
      data-testid="comment-thread"
      data-resolved={thread.resolvedAt ? 'true' : 'false'}
    >
      {props.showLayer ? (
        <button type="button" className="link small" onClick={props.onShow}>
          {props.layer}
        </button>
      ) : null}
      {[thread, ...thread.replies].map((c) => (
        <div key={c.id} className="comment">
          <div className="comment__meta small">
            <strong>{c.author?.name ?? 'A former member'}</strong> <time dateTime={c.createdAt.toISOString()}>{when(c.createdAt)}</time>
          </div>
          <p className="comment__text">{c.text}</p>
        </div>
      ))}
      {thread.resolvedAt ? (
        <p className="muted small">
          Resolved by {thread.resolvedBy?.name ?? 'a former member'} {when(thread.resolvedAt)}
        </p>
      ) : null}
      {props.canWrite ? (
        <div className="comment-thread__actions">
          {replying ? (
            <NewComment label="Reply" onSend={async (text) => (await props.onReply(text)) && (setReplying(false), true)} />
          ) : (
            <button type="button" className="small" onClick={() => setReplying(true)}>
              Reply
            </button>
          )}
          <button type="button" className="small" onClick={() => props.onResolve(!thread.resolvedAt)}>
            {thread.resolvedAt ? 'Reopen' : 'Resolve'}
          </button>
        </div>
      ) : null}
    </li>
  );
}

function NewComment({ onSend, label }: { onSend(text: string): Promise<boolean>; label: string }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="comment-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!text.trim()) return;
        setBusy(true);
        if (await onSend(text)) setText('');
        setBusy(false);
      }}
    >
      <textarea aria-label={label} value={text} rows={2} maxLength={4000} onChange={(e) => setText(e.currentTarget.value)} />
      <button type="submit" className="primary small" disabled={busy || !text.trim()}>
        {label === 'Reply' ? 'Reply' : 'Comment'}
      </button>
    </form>
  );
}

/** "3 min ago", or the date for older comments. */
function when(date: Date): string {
  const minutes = Math.round((Date.now() - date.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)} h ago`;
  return date.toLocaleDateString();
}
