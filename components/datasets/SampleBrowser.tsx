'use client';

import { useEffect, useState } from 'react';
import { call } from '@/components/ui/api';
import * as datasetRoutes from '@/server/datasets/routes';
import { sampleImageUrl } from './dataset-endpoints';
import { MaskThumbnail } from './MaskThumbnail';
import type { SampleItem } from './types';

const PAGE = 48;

/** The classes a stored mask paints besides the background, from its runs (class×length). */
function maskClasses(mask: string, classes: string[] | null): string {
  const found = new Set(mask.split(',').map((run) => Number(run.split('×')[0])));
  found.delete(0);
  return [...found]
    .sort((a, b) => a - b)
    .map((c) => classes?.[c] ?? `class ${c}`)
    .join(', ');
}

/** The samples of a version, filtered and paged: a gallery of images or a table of rows. */
export function SampleBrowser({
  datasetId,
  number,
  classes,
  featureNames,
  images,
  maskSize,
  labelName = 'label',
}: {
  datasetId: string;
  number: number;
  classes: string[] | null;
  featureNames: string[] | null;
  images: boolean;
  /** Segmentation: the masks' size, to lay each stored mask over its picture. */
  maskSize?: { width: number; height: number };
  /** Tables: the label column's name. */
  labelName?: string;
}) {
  const [filter, setFilter] = useState('all');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; samples: SampleItem[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call(datasetRoutes.listSamples, { params: { datasetId, number }, query: { filter, offset, limit: PAGE } }).then((r) => {
      if (!live) return;
      if (r.ok) setPage(r.data);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [datasetId, number, filter, offset]);

  const labelOf = (s: SampleItem) => {
    if (s.label === null) return 'unlabelled';
    // A detection image's first slot is only its first box's class: say how many boxes it has.
    if (s.boxes) return `${s.boxes.length} box${s.boxes.length === 1 ? '' : 'es'}`;
    // A mask's first slot is only its corner pixel's class: name the classes it paints.
    if (s.mask !== undefined) return `mask: ${maskClasses(s.mask, classes) || 'background only'}`;
    return classes?.[s.label] ?? String(s.label);
  };

  return (
    <section className="panel" aria-label={images ? 'Gallery' : 'Rows'}>
      <div className="row" style={{ marginBottom: '0.75rem' }}>
        <h2 style={{ margin: 0 }}>{images ? 'Gallery' : 'Rows'}</h2>
        <span className="spacer" />
        <label className="row">
          Show
          <select
            aria-label="Show samples"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              setOffset(0);
            }}
          >
            <option value="all">All</option>
            <option value="unlabelled">Unlabelled</option>
            <option value="train">Train</option>
            <option value="validation">Validation</option>
            <option value="test">Test</option>
            {classes?.map((c, i) => (
              <option key={c} value={`class:${i}`}>
                Class {c}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? <p className="alert error">{error}</p> : null}
      {page ? (
        <>
          <p className="small muted" aria-live="polite">
            {page.total === 0
              ? 'No samples.'
              : `${offset + 1}–${Math.min(offset + PAGE, page.total)} of ${page.total.toLocaleString('en')}`}
          </p>
          {images ? (
            <div className="ds-gallery">
              {page.samples.map((s) => (
                <figure key={s.index} title={s.name ?? undefined}>
                  {s.mask !== undefined && maskSize ? (
                    <MaskThumbnail
                      src={sampleImageUrl(datasetId, number, s.index)}
                      alt={`Sample ${s.index}: ${labelOf(s)}`}
                      mask={s.mask}
                      size={maskSize}
                    />
                  ) : (
                    // biome-ignore lint/performance/noImgElement: raw dataset samples, served by our API at their stored size
                    <img src={sampleImageUrl(datasetId, number, s.index)} alt={`Sample ${s.index}: ${labelOf(s)}`} loading="lazy" />
                  )}
                  {labelOf(s)} · {s.split === 'none' ? '—' : s.split}
                </figure>
              ))}
            </div>
          ) : (
            <div className="ds-scroll">
              <table>
                <thead>
                  <tr>
                    <th>#</th>
                    {featureNames?.map((f) => (
                      <th key={f}>{f}</th>
                    ))}
                    <th>{labelName}</th>
                    <th>split</th>
                  </tr>
                </thead>
                <tbody>
                  {page.samples.map((s) => (
                    <tr key={s.index}>
                      <td className="muted">{s.name ?? s.index}</td>
                      {s.values?.map((v, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                        <td key={i}>{v}</td>
                      ))}
                      <td>{labelOf(s)}</td>
                      <td>{s.split}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="row" style={{ marginTop: '0.75rem' }}>
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous
            </button>
            <button type="button" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
              Next
            </button>
          </div>
        </>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  );
}
