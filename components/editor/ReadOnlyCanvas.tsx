'use client';

import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import type { GraphDoc } from '@/engine/graph/schema';
import { EditorCanvas } from './EditorCanvas';
import { EditorProvider } from './EditorContext';
import { createEditorStore } from './store';

const ignore = () => {};

/** A saved version drawn like the editor draws it (shapes, errors), but not editable. */
export function ReadOnlyCanvas({ doc }: { doc: GraphDoc }) {
  const [store] = useState(() => createEditorStore({ doc }));
  return (
    <ReactFlowProvider>
      <EditorProvider store={store} readOnly notify={ignore}>
        <EditorCanvas minimap onFiles={ignore} />
      </EditorProvider>
    </ReactFlowProvider>
  );
}
