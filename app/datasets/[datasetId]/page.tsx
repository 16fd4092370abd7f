import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AugmentationPreview } from '@/components/datasets/AugmentationPreview';
import { ClassBalanceChart } from '@/components/datasets/ClassBalanceChart';
import { DeleteDatasetButton } from '@/components/datasets/DeleteDatasetButton';
import { SampleBrowser } from '@/components/datasets/SampleBrowser';
import { SplitForm } from '@/components/datasets/SplitForm';
import { sampleCountWords } from '@/components/datasets/sample-count';
import { histogram, TargetHistogram } from '@/components/datasets/TargetHistogram';
import { TextVocabulary } from '@/components/datasets/TextVocabulary';
import { canEdit } from '@/components/datasets/types';
import { taskSpec } from '@/engine/tasks/registry';
import { requireUser } from '@/server/auth/current-user';
import { getDataset, getDatasetVersion } from '@/server/datasets/get-dataset';
import { loadVersionData } from '@/server/datasets/read/version-data';
import { ApiError } from '@/server/http/errors';
import { datasetAccess } from '@/server/permissions';

export const metadata = { title: 'Dataset · NetCanvas' };

const pct = (x: number) => `${Math.round(x * 100)} %`;

export default async function DatasetPage({
  params,
  searchParams,
}: {
  params: Promise<{ datasetId: string }>;
  searchParams: Promise<{ version?: string }>;
}) {
  const { datasetId } = await params;
  const { version } = await searchParams;
  const user = await requireUser(`/datasets/${datasetId}`);
  let dataset: Awaited<ReturnType<typeof getDataset>>;
  try {
    dataset = await getDataset(datasetId, (await datasetAccess(user.id, datasetId, 'viewer')).role);
  } catch (error) {
    if (error instanceof ApiError) notFound();
    throw error;
  }
  const number = Number(version ?? dataset.headNumber ?? 1);
  const detail = await getDatasetVersion(datasetId, number).catch((error) => {
    if (error instanceof ApiError) notFound();
    throw error;
  });
  const { meta } = detail;
  const isHead = number === dataset.headNumber;
  const editable = canEdit(dataset.role) && isHead;
  const total = meta.counts.train + meta.counts.validation + meta.counts.test;
  const targets = meta.task === 'regression' ? histogram((await loadVersionData(detail.id)).labels) : null;
  return (
    <>
      <p className="small">
        <Link href="/datasets">← Datasets</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{dataset.name}</h1>
          <p className="muted">
            {dataset.teamName} · {meta.kind === 'image' ? 'images' : meta.kind === 'text' ? 'texts' : 'table'} · {meta.task}
            {dataset.description ? ` · ${dataset.description}` : ''}
          </p>
          <p className="small muted">
            Source: {dataset.source || 'not stated'} · License: {meta.license}
          </p>
        </div>
        {meta.task === 'segmentation' && editable ? (
          <Link href={`/datasets/${datasetId}/label?version=${number}`} className="button primary">
            Label masks
            {meta.counts.unlabelled > 0 ? ` (${meta.counts.unlabelled} image${meta.counts.unlabelled === 1 ? '' : 's'} without)` : ''}
          </Link>
        ) : meta.task === 'detection' && editable ? (
          <Link href={`/datasets/${datasetId}/label?version=${number}`} className="button primary">
            Label boxes
            {meta.counts.unlabelled > 0 ? ` (${meta.counts.unlabelled} image${meta.counts.unlabelled === 1 ? '' : 's'} without)` : ''}
          </Link>
        ) : meta.counts.unlabelled > 0 && editable ? (
          <Link href={`/datasets/${datasetId}/label?version=${number}`} className="button primary">
            Label {meta.counts.unlabelled} image{meta.counts.unlabelled === 1 ? '' : 's'}
          </Link>
        ) : null}
      </div>
      <div className="grid-2">
        <section className="panel" aria-label={`Version ${number}`}>
          <h2>
            Version {number}
            {isHead ? <span className="badge green"> newest</span> : <span className="badge grey"> older</span>}
          </h2>
          <p className="small muted">{detail.message}</p>
          <table aria-label="Split counts">
            <tbody>
              <tr>
                <th>Train</th>
                <td data-testid="count-train">{meta.counts.train.toLocaleString('en')}</td>
              </tr>
              <tr>
                <th>Validation</th>
                <td data-testid="count-validation">{meta.counts.validation.toLocaleString('en')}</td>
              </tr>
              <tr>
                <th>Test</th>
                <td data-testid="count-test">{meta.counts.test.toLocaleString('en')}</td>
              </tr>
              <tr>
                <th>Unlabelled</th>
                <td data-testid="count-unlabelled">{meta.counts.unlabelled.toLocaleString('en')}</td>
              </tr>
            </tbody>
          </table>
          <p className="small">
            {total.toLocaleString('en')} labelled samples of shape [{meta.featureShape.join(', ')}]; split seed {meta.split.seed},{' '}
            {pct(meta.split.validation)} validation, {pct(meta.split.test)} test{meta.split.stratify && meta.classes ? ', stratified' : ''}.
          </p>
          <p className="small">
            Train on it: pick{' '}
            <strong>
              {dataset.name} v{number}
            </strong>{' '}
            as the dataset on a project's Train tab.
          </p>
          {editable ? (
            <SplitForm datasetId={datasetId} head={number} split={meta.split} stratifiable={taskSpec(meta.task).stratify} />
          ) : null}
          {meta.report.notes.length || meta.report.skipped.length ? (
            <details className="small">
              <summary>
                Upload report: {meta.report.kept} kept of {meta.report.read}, {meta.report.skippedCount} skipped
              </summary>
              {meta.report.notes.map((n) => (
                <p key={n}>{n}</p>
              ))}
              <ul>
                {meta.report.skipped.map((s) => (
                  <li key={s.name}>
                    <code>{s.name}</code>: {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
        <section className="panel" aria-label="Classes">
          {meta.classes && meta.classCounts ? (
            <>
              <h2>Class balance</h2>
              <ClassBalanceChart classes={meta.classes} counts={meta.classCounts} />
            </>
          ) : (
            <>
              {targets ? (
                <>
                  <h2>Targets</h2>
                  <TargetHistogram edges={targets.edges} counts={targets.counts} />
                </>
              ) : null}
              <h3 style={{ marginTop: '1rem' }}>Features</h3>
              <p className="small">{meta.featureNames?.join(', ')}</p>
            </>
          )}
          <h3 style={{ marginTop: '1rem' }}>Versions</h3>
          <ul className="history">
            {dataset.versions.map((v) => (
              <li key={v.number} className={v.number === number ? 'current' : undefined}>
                <Link href={`/datasets/${datasetId}?version=${v.number}`}>v{v.number}</Link> · {sampleCountWords(v.counts)}{' '}
                <span className="small muted">{v.message}</span>
              </li>
            ))}
          </ul>
          {canEdit(dataset.role) ? (
            <DeleteDatasetButton datasetId={datasetId} name={dataset.name} versions={dataset.versions.length} />
          ) : null}
        </section>
      </div>
      {meta.text ? <TextVocabulary text={meta.text} /> : null}
      <SampleBrowser
        datasetId={datasetId}
        number={number}
        classes={meta.classes}
        featureNames={meta.featureNames}
        images={meta.kind === 'image'}
        maskSize={meta.task === 'segmentation' ? { width: meta.featureShape[1] ?? 0, height: meta.featureShape[0] ?? 0 } : undefined}
        labelName={meta.columns?.find((c) => c.role === 'label')?.name}
      />
      {meta.kind === 'image' && total > 0 ? (
        <AugmentationPreview datasetId={datasetId} number={number} featureShape={meta.featureShape} />
      ) : null}
    </>
  );
}
