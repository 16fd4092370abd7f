'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { parseGraph } from '@/engine/graph/parse';
import type { GraphDoc } from '@/engine/graph/schema';
import { useEditor, useEditorState } from './EditorContext';
import { JsonEditor } from './JsonEditor';
import type { EditorState } from './store';

const docOf = (s: EditorState) => s.doc;
const pretty = (doc: GraphDoc) => JSON.stringify(doc, null, 2);

/**
 * The document as JSON text. Every edit that parses replaces the document (typing makes one undo
 * entry); text that does not parse shows the parser's problems and changes nothing until fixed.
 */
export function JsonView() {
  const { store, readOnly } = useEditor();
  const doc = useEditorState(docOf);
  const [text, setText] = useState(() => pretty(doc));
  const applied = useRef<GraphDoc>(doc);
  // Changes made elsewhere (undo, the canvas) replace the text; our own edits do not.
  useEffect(() => {
    if (doc !== applied.current) {
      applied.current = doc;
      setText(pretty(doc));
    }
  }, [doc]);
  const parsed = useMemo(() => parseGraph(text), [text]);
  return (
    <div className="json-view">
      <JsonEditor
        text={text}
        readOnly={readOnly}
        problems={parsed.ok ? [] : parsed.diagnostics}
        onChange={(next) => {
          setText(next);
          const result = parseGraph(next);
          if (!result.ok) return;
          const dispatched = store.dispatch('replaceDocument', { doc: result.doc, mode: 'import', coalesceKey: 'json' });
          if (dispatched.ok) applied.current = store.getState().doc;
        }}
        onBlur={() => store.seal()}
      />
    </div>
  );
}
