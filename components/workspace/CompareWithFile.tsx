'use client';

import { useRef, useState } from 'react';
import type { VersionItem } from './types';

/** What the file picker takes: a model file with what goes with it (weight shards, a `.caffemodel`). */
export const MODEL_FILE_ACCEPT = '.onnx,.h5,.hdf5,.keras,.json,.bin,.prototxt,.pbtxt,.caffemodel';

/** A button that opens the file picker for model files and hands over what was picked. */
export function ModelFileButton({ label, onFiles, disabled }: { label: string; onFiles: (files: File[]) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={MODEL_FILE_ACCEPT}
        aria-label={label}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}

/**
 * "Compare with a model file…": any file the importer reads (ONNX, Keras .h5/.keras/JSON, a TF.js
 * model.json with its shards, a Caffe prototxt with its caffemodel), against the design as it is
 * in the editor or against a saved version.
 */
export function CompareWithFile({
  versions,
  busy,
  onCompare,
}: {
  versions: VersionItem[];
  busy: boolean;
  onCompare: (files: File[], against: 'design' | number) => void;
}) {
  const [against, setAgainst] = useState<'design' | number>('design');
  return (
    <fieldset className="row small compare-with-file" aria-label="Compare with a model file">
      <select
        aria-label="Compare against"
        value={String(against)}
        onChange={(e) => setAgainst(e.target.value === 'design' ? 'design' : Number(e.target.value))}
      >
        <option value="design">The design</option>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            Version {v.number}
          </option>
        ))}
      </select>
      <ModelFileButton
        label={busy ? 'Reading the file…' : 'Compare with a model file…'}
        disabled={busy}
        onFiles={(files) => onCompare(files, against)}
      />
    </fieldset>
  );
}
