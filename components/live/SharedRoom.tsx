'use client';

import { useState } from 'react';
import { Editor } from '@/components/editor/Editor';
import { createEditorStore } from '@/components/editor/store';
import { emptyGraph, type GraphDoc } from '@/engine/graph/schema';
import { LiveLayer } from './LiveLayer';
import { PresentBar } from './PresentBar';
import { PresenterTraining } from './PresenterTraining';
import { useLiveRoom } from './useLiveRoom';

/**
 * The page behind a share link: the live design, read only, following the presenter (or looking
 * around), with no account. Nothing here can change the room; the server refuses it anyway.
 */
export function SharedRoom({
  projectId,
  projectName,
  token,
  initial,
}: {
  projectId: string;
  projectName: string;
  token: string;
  initial: GraphDoc | null;
}) {
  const [store] = useState(() => createEditorStore({ doc: initial ?? emptyGraph(projectName) }));
  const [sideTab, setSideTab] = useState('layer');
  const live = useLiveRoom(store, { projectId, token, readOnly: true, name: 'Guest' });
  return (
    <div className="workspace" data-shared-room="true">
      <Editor
        store={store}
        readOnly
        sideTab={sideTab}
        onSideTab={setSideTab}
        canvasLayer={<LiveLayer live={live} />}
        banner={
          <>
            <PresentBar live={live} canPresent={false} />
            <PresenterTraining live={live} />
          </>
        }
      />
    </div>
  );
}
