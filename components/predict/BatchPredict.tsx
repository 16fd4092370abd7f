'use client';

import { unzipSync } from 'fflate';
import { useEffect, useState } from 'react';
import { ErrorNote } from '@/components/ui/ErrorNote';
import { MAX_ROWS } from '@/server/predict/schemas';
import { requestPrediction } from './predict-request';
import { csvRows, resultsCsv } from './results-csv';
import type { RunInput } from './types';

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

type Item = Parameters<typeof resultsCsv>[0][number];

/**
 * Classify many at once: a CSV of rows (sent in requests of up to 1,000 rows) or a zip of images
 * (one request each), with a downloadable CSV of the results.
 */
export function BatchPredict({ input }: { input: RunInput }) {
  const width = input.featureShape.reduce((a, b) => a * b, 1);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [download, setDownload] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => (download ? URL.revokeObjectURL(download) : undefined), [download]);

  async function run(file: File) {
    setError(null);
    setDownload(null);
    const items = file.name.toLowerCase().endsWith('.zip') ? await zipItems(file) : await csvItems(file);
    if (items) setDownload(URL.createObjectURL(new Blob([resultsCsv(items)], { type: 'text/csv' })));
  }

  async function csvItems(file: File): Promise<Item[] | null> {
    const parsed = csvRows(await file.text(), width);
    if ('problem' in parsed) {
      setError(parsed.problem);
      return null;
    }
    const items: Item[] = [];
    setProgress({ done: 0, total: parsed.rows.length });
    for (let start = 0; start < parsed.rows.length; start += MAX_ROWS) {
      const chunk = parsed.rows.slice(start, start + MAX_ROWS);
      const answer = await requestPrediction(input.runId, { rows: chunk });
      if (!answer.ok) {
        setError(answer.message);
        return null;
      }
      for (const [i, prediction] of answer.data.predictions.entries()) items.push({ source: `row ${start + i + 1}`, prediction });
      setProgress({ done: items.length, total: parsed.rows.length });
    }
    return items;
  }

  async function zipItems(file: File): Promise<Item[] | null> {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(new Uint8Array(await file.arrayBuffer()));
    } catch (e) {
      setError(`The zip cannot be read: ${(e as Error).message}`);
      return null;
    }
    const images = Object.keys(entries)
      .filter((name) => !name.endsWith('/') && !name.split('/').some((s) => s.startsWith('.')))
      .filter((name) => IMAGE_TYPES[name.split('.').pop()?.toLowerCase() ?? ''])
      .sort();
    if (images.length === 0) {
      setError('The zip holds no PNG, JPEG, GIF or WebP images.');
      return null;
    }
    const items: Item[] = [];
    for (const name of images) {
      const bytes = entries[name] as Uint8Array;
      const type = IMAGE_TYPES[name.split('.').pop()?.toLowerCase() ?? ''] as string;
      const answer = await requestPrediction(input.runId, new Blob([bytes.slice().buffer], { type }));
      items.push(
        answer.ok
          ? { source: name, prediction: answer.data.predictions[0] ?? null }
          : { source: name, prediction: null, error: answer.message },
      );
      setProgress({ done: items.length, total: images.length });
    }
    return items;
  }

  return (
    <div className="stack">
      <label className="button">
        {input.kind === 'image' ? 'Choose a zip of images or a CSV…' : 'Choose a CSV…'}
        <input
          type="file"
          accept={input.kind === 'image' ? '.zip,.csv' : '.csv'}
          hidden
          aria-label="Batch file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void run(file);
          }}
        />
      </label>
      {progress ? (
        <p className="muted" data-testid="batch-progress">
          {progress.done} of {progress.total} classified
        </p>
      ) : null}
      <ErrorNote message={error} />
      {download ? (
        <a className="button primary" href={download} download="predictions.csv">
          Download predictions.csv
        </a>
      ) : null}
    </div>
  );
}
