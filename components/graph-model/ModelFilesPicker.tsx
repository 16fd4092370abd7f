'use client';

import { type DragEvent, useState } from 'react';

/** Where the model's files are dropped or chosen: model.json with its .bin weight files, read in this browser only. */
export function ModelFilesPicker({ onFiles, busy }: { onFiles(files: File[]): void; busy: boolean }) {
  const [over, setOver] = useState(false);
  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  }
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the file input inside is the keyboard way
    <div
      className={`graph-drop${over ? ' graph-drop--over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>
        Drop <code>model.json</code> and its <code>.bin</code> weight files here, or
      </p>
      <label className="button primary">
        Choose the model files…
        <input
          type="file"
          multiple
          hidden
          accept=".json,.bin,application/json,application/octet-stream"
          aria-label="Graph model files"
          disabled={busy}
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </label>
      <p className="small muted">The files are read in this browser; nothing is uploaded.</p>
    </div>
  );
}
