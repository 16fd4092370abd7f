'use client';

import { type FormEvent, useReducer, useState } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { useHydrated } from '@/components/ui/useHydrated';
import { type ColumnType, type CsvPreview, previewCsv } from './csv-preview';
import { DetailsStep, type UploadFormat } from './DetailsStep';
import { type PickedFile, zipFiles } from './folder-zip';
import { ImagesStep } from './ImagesStep';
import { SplitStep } from './SplitStep';
import { TableStep } from './TableStep';
import { type TextChoice, TextStep } from './TextStep';
import { previewTexts, type TextPreview } from './text-preview';
import { UploadOutcome } from './UploadOutcome';
import { uploadStep } from './upload-lifecycle';
import { uploadFile } from './upload-request';

export interface WizardTeam {
  id: string;
  name: string;
}

/**
 * Upload a dataset: a zip or a folder of class folders, or a CSV with a preview to pick columns. The
 * steps are their own components; the wizard holds what they chose and sends it.
 */
export function UploadWizard({ teams }: { teams: WizardTeam[] }) {
  const hydrated = useHydrated();
  const [state, dispatch] = useReducer(uploadStep, { phase: 'idle' });
  const [format, setFormat] = useState<UploadFormat>('zip');
  const [archive, setArchive] = useState<File | null>(null);
  const [folder, setFolder] = useState<PickedFile[] | null>(null);
  const [csv, setCsv] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [types, setTypes] = useState<ColumnType[]>([]);
  const [label, setLabel] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [task, setTask] = useState('');
  const [textChoice, setTextChoice] = useState<TextChoice>({ column: '', vocabularySize: 10_000, length: null });
  const [textPreview, setTextPreview] = useState<TextPreview | null>(null);

  async function chooseText(choice: TextChoice, file = csv) {
    setTextChoice(choice);
    setTextPreview(file && choice.column ? await previewTexts(file, choice.column) : null);
  }
  const busy = state.phase === 'packing' || state.phase === 'uploading' || state.phase === 'processing';

  async function chooseCsv(file: File | null) {
    setCsv(file);
    setPreview(null);
    if (!file) return;
    const p = await previewCsv(file);
    setPreview(p);
    setTypes(p.types);
    setLabel(p.columns[p.columns.length - 1] ?? '');
    await chooseText({ ...textChoice, column: p.columns[0] ?? '' }, file);
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
        task: data.get('task') ?? 'classification',
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
      const text = {
        column: textChoice.column,
        vocabularySize: textChoice.vocabularySize,
        ...(textChoice.length === null ? {} : { length: textChoice.length }),
      };
      options =
        task === 'text-classification'
          ? { label, text, split }
          : {
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
    const query = {
      name: String(data.get('name') ?? ''),
      description: String(data.get('description') ?? ''),
      source: String(data.get('source') ?? ''),
      license: String(data.get('license') ?? ''),
      format,
      options: JSON.stringify(options),
    };
    dispatch({ type: 'sent', sent: 0, total: body.size || 1 });
    const answer = await uploadFile({ params: { teamId: String(data.get('team')) }, query }, body, (sent, total) =>
      dispatch({ type: 'sent', sent, total }),
    );
    if (answer.ok) dispatch({ type: 'done', datasetId: answer.body.datasetId, report: answer.body.report });
    else dispatch({ type: 'failed', message: answer.message, problems: answer.problems });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label="Upload a dataset" data-hydrated={hydrated ? 'true' : 'false'}>
      <DetailsStep teams={teams} format={format} onFormat={setFormat} />
      {format === 'zip' ? (
        <ImagesStep
          archive={archive}
          folder={folder}
          onFiles={(zip, files) => {
            setArchive(zip);
            setFolder(files);
          }}
        />
      ) : (
        <TableStep
          preview={preview}
          types={types}
          label={label}
          onFile={(file) => void chooseCsv(file)}
          onTypes={setTypes}
          onLabel={setLabel}
          task={task}
          onTask={setTask}
          textStep={
            preview ? (
              <TextStep
                columns={preview.columns}
                label={label}
                choice={textChoice}
                preview={textPreview}
                onChange={(choice) => void chooseText(choice)}
              />
            ) : null
          }
        />
      )}
      <SplitStep disabled={!hydrated || busy} />
      <ErrorNote message={error} />
      <UploadOutcome state={state} format={format} />
    </form>
  );
}
