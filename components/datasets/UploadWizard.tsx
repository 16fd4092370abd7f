'use client';

import Link from 'next/link';
import { type DragEvent, type FormEvent, useReducer, useState } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { useHydrated } from '@/components/ui/useHydrated';
import { CsvPreviewTable } from './CsvPreviewTable';
import { type ColumnType, type CsvPreview, previewCsv } from './csv-preview';
import { filesFromDrop, filesFromInput, type PickedFile, zipFiles } from './folder-zip';
import { uploadProgress, uploadStep } from './upload-lifecycle';
import { uploadFile } from './upload-request';

export interface WizardTeam {
  id: string;
  name: string;
}

type Format = 'zip' | 'csv';

/** Upload a dataset: a zip or a folder of class folders, or a CSV with a preview to pick columns. */
export function UploadWizard({ teams }: { teams: WizardTeam[] }) {
  const hydrated = useHydrated();
  const [state, dispatch] = useReducer(uploadStep, { phase: 'idle' });
  const [format, setFormat] = useState<Format>('zip');
  const [archive, setArchive] = useState<File | null>(null);
  const [folder, setFolder] = useState<PickedFile[] | null>(null);
  const [csv, setCsv] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [types, setTypes] = useState<ColumnType[]>([]);
  const [label, setLabel] = useState<string>('');
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = state.phase === 'packing' || state.phase === 'uploading' || state.phase === 'processing';
  const progress = uploadProgress(state);

  async function chooseCsv(file: File | null) {
    setCsv(file);
    setPreview(null);
    if (!file) return;
    const p = await previewCsv(file);
    setPreview(p);
    setTypes(p.types);
    setLabel(p.columns[p.columns.length - 1] ?? '');
  }

  async function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    const files = await filesFromDrop(event.dataTransfer.items);
    const zip = files.length === 1 && files[0]?.path.toLowerCase().endsWith('.zip') ? files[0].file : null;
    if (zip) {
      setArchive(zip);
      setFolder(null);
    } else {
      setFolder(files);
      setArchive(null);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const data = new FormData(event.currentTarget);
    const num = (name: string) => Number(data.get(name));
    const split = { validation: num('validation') / 100, test: num('test') / 100, seed: num('seed') };
    let body: Blob | null = null;
    let options: unknown;
    if (format === 'zip') {
      options = {
        width: num('width'),
        height: num('height'),
        channels: num('channels'),
        fit: data.get('fit'),
        classes: String(data.get('classes') ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
        split,
      };
      if (archive) body = archive;
      else if (folder?.length) body = await zipFiles(folder, (done, total) => dispatch({ type: 'pack', done, total }));
    } else if (csv && preview) {
      body = csv;
      options = {
        label,
        types: Object.fromEntries(preview.columns.map((c, i) => [c, types[i] ?? 'numeric'])),
        missing: data.get('missing'),
        normalisation: data.get('normalisation'),
        ...(data.get('task') ? { task: data.get('task') } : {}),
        split,
      };
    }
    if (!body) {
      setError(format === 'zip' ? 'Choose a zip archive or drop a folder first.' : 'Choose a CSV file first.');
      return;
    }
    const query = new URLSearchParams({
      name: String(data.get('name') ?? ''),
      description: String(data.get('description') ?? ''),
      source: String(data.get('source') ?? ''),
      license: String(data.get('license') ?? ''),
      format,
      options: JSON.stringify(options),
    });
    dispatch({ type: 'sent', sent: 0, total: body.size || 1 });
    const answer = await uploadFile(`/api/teams/${data.get('team')}/datasets?${query}`, body, (sent, total) =>
      dispatch({ type: 'sent', sent, total }),
    );
    if (answer.ok) dispatch({ type: 'done', datasetId: answer.body.datasetId, report: answer.body.report });
    else dispatch({ type: 'failed', message: answer.message, problems: answer.problems });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Upload a dataset" data-hydrated={hydrated ? 'true' : 'false'}>
      <section className="panel stack">
        <div className="row">
          <label>
            Team
            <select name="team" defaultValue={teams[0]?.id}>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label style={{ flex: 1 }}>
            Dataset name
            <input name="name" required maxLength={200} placeholder="e.g. Leaf diseases" />
          </label>
        </div>
        <label>
          Description
          <input name="description" maxLength={2000} />
        </label>
        <div className="row">
          <label style={{ flex: 1 }}>
            Source
            <input name="source" maxLength={500} placeholder="Where the data comes from" />
          </label>
          <label>
            License
            <input name="license" maxLength={200} placeholder="e.g. CC BY 4.0" />
          </label>
        </div>
        <fieldset className="row">
          <legend>What kind of data?</legend>
          <label className="row">
            <input type="radio" name="format" checked={format === 'zip'} onChange={() => setFormat('zip')} /> Images (a zip or a folder of
            class folders)
          </label>
          <label className="row">
            <input type="radio" name="format" checked={format === 'csv'} onChange={() => setFormat('csv')} /> A table (CSV)
          </label>
        </fieldset>
      </section>

      {format === 'zip' ? (
        <section className="panel stack" aria-label="Images">
          <p className="small muted">
            One folder per class (<code>cats/1.png</code>, <code>dogs/2.jpg</code>); images at the top or in a folder named{' '}
            <code>unlabelled</code> wait for a label. Corrupt and non-image files are skipped and listed.
          </p>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the file inputs below are the keyboard way */}
          <div
            className={`ds-drop${over ? ' over' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={onDrop}
          >
            Drop a folder or a .zip here
            {folder ? <p>{folder.length} files from the dropped folder</p> : null}
            {archive ? <p>{archive.name}</p> : null}
          </div>
          <div className="row">
            <label>
              Archive (.zip)
              <input
                type="file"
                accept=".zip,application/zip"
                onChange={(e) => {
                  setArchive(e.target.files?.[0] ?? null);
                  setFolder(null);
                }}
              />
            </label>
            <label>
              Or a folder
              <input
                type="file"
                {...({ webkitdirectory: '' } as object)}
                multiple
                onChange={(e) => {
                  setFolder(e.target.files ? filesFromInput(e.target.files) : null);
                  setArchive(null);
                }}
              />
            </label>
          </div>
          <div className="row">
            <label>
              Width
              <input name="width" type="number" min={4} max={512} defaultValue={28} />
            </label>
            <label>
              Height
              <input name="height" type="number" min={4} max={512} defaultValue={28} />
            </label>
            <label>
              Colour
              <select name="channels" defaultValue="1">
                <option value="1">Grayscale</option>
                <option value="3">RGB</option>
              </select>
            </label>
            <label>
              Resize
              <select name="fit" defaultValue="cover">
                <option value="cover">Fill and crop</option>
                <option value="contain">Fit inside (black bars)</option>
                <option value="fill">Stretch</option>
              </select>
            </label>
          </div>
          <label>
            Extra classes (comma-separated, for labelling)
            <input name="classes" placeholder="e.g. rust, blight" />
          </label>
        </section>
      ) : (
        <section className="panel stack" aria-label="Table">
          <label>
            CSV file
            <input type="file" accept=".csv,text/csv,.tsv,.txt" onChange={(e) => void chooseCsv(e.target.files?.[0] ?? null)} />
          </label>
          {preview ? (
            <>
              <CsvPreviewTable
                preview={preview}
                types={types}
                onTypeChange={(i, t) => setTypes(types.map((old, k) => (k === i ? t : old)))}
              />
              <div className="row">
                <label>
                  Label column
                  <select value={label} onChange={(e) => setLabel(e.target.value)}>
                    {preview.columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Task
                  <select name="task" defaultValue="">
                    <option value="">From the label's type</option>
                    <option value="classification">Classification</option>
                    <option value="regression">Regression</option>
                  </select>
                </label>
                <label>
                  Missing values
                  <select name="missing" defaultValue="mean">
                    <option value="mean">Fill with the mean (or commonest category)</option>
                    <option value="drop">Drop the row</option>
                  </select>
                </label>
                <label>
                  Normalisation
                  <select name="normalisation" defaultValue="standard">
                    <option value="standard">Standardise (mean 0, sd 1)</option>
                    <option value="minmax">Min–max to 0–1</option>
                    <option value="none">None</option>
                  </select>
                </label>
              </div>
            </>
          ) : null}
        </section>
      )}

      <section className="panel row" aria-label="Split">
        <label>
          Validation %
          <input name="validation" type="number" min={0} max={90} defaultValue={15} />
        </label>
        <label>
          Test %
          <input name="test" type="number" min={0} max={90} defaultValue={15} />
        </label>
        <label>
          Seed
          <input name="seed" type="number" min={0} defaultValue={1} />
        </label>
        <span className="spacer" />
        <button type="submit" className="primary" disabled={!hydrated || busy}>
          Upload
        </button>
      </section>

      <ErrorNote message={error} />
      {progress !== null ? (
        <div className="panel" aria-live="polite">
          <progress className="ds-progress" aria-label="Upload progress" max={1} value={progress} />
          <p className="small muted">
            {state.phase === 'packing'
              ? `Packing the folder: ${state.done} of ${state.total} files`
              : state.phase === 'uploading'
                ? `Uploading: ${(state.sent / 1e6).toFixed(1)} of ${(state.total / 1e6).toFixed(1)} MB`
                : 'Reading and storing the samples…'}
          </p>
        </div>
      ) : null}
      {state.phase === 'failed' ? (
        <div className="alert error" role="alert">
          <p>{state.message}</p>
          {state.problems.length > 0 ? (
            <ul>
              {state.problems.slice(0, 50).map((p) => (
                <li key={`${p.name}:${p.reason}`}>
                  <code>{p.name}</code>: {p.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {state.phase === 'done' ? (
        <div className="alert ok" role="status">
          <p>
            Stored {state.report.kept.toLocaleString('en')} of {state.report.read.toLocaleString('en')}{' '}
            {format === 'zip' ? 'files' : 'rows'}. <Link href={`/datasets/${state.datasetId}`}>Open the dataset</Link>
          </p>
          {state.report.notes.map((n) => (
            <p key={n} className="small">
              {n}
            </p>
          ))}
          {state.report.skipped.length > 0 ? (
            <ul className="small">
              {state.report.skipped.map((s) => (
                <li key={s.name}>
                  <code>{s.name}</code>: {s.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
