import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddClassForm } from '@/components/datasets/AddClassForm';
import { BoxLabelingView } from '@/components/datasets/BoxLabelingView';
import { LabelingView } from '@/components/datasets/LabelingView';
import { MaskLabelingView } from '@/components/datasets/MaskLabelingView';
import { requireUser } from '@/server/auth/current-user';
import { getDataset, getDatasetVersion } from '@/server/datasets/get-dataset';
import { listDatasetRuns } from '@/server/datasets/list-dataset-runs';
import { ApiError } from '@/server/http/errors';
import { type DatasetAccess, datasetAccess } from '@/server/permissions';

export const metadata = { title: 'Label images · NetCanvas' };

export default async function LabelPage({
  params,
  searchParams,
}: {
  params: Promise<{ datasetId: string }>;
  searchParams: Promise<{ version?: string }>;
}) {
  const { datasetId } = await params;
  const { version } = await searchParams;
  const user = await requireUser(`/datasets/${datasetId}/label`);
  let access: DatasetAccess;
  try {
    access = await datasetAccess(user.id, datasetId, 'editor');
  } catch (error) {
    if (error instanceof ApiError) notFound();
    throw error;
  }
  const dataset = await getDataset(datasetId, access.role);
  const number = Number(version ?? dataset.headNumber ?? 1);
  const [detail, runs] = await Promise.all([getDatasetVersion(datasetId, number), listDatasetRuns(user.id, datasetId)]);
  const runTitle = (r: (typeof runs)[number]) =>
    `${r.projectName} v${r.versionNumber} on dataset v${r.datasetNumber}${r.label ? ` (${r.label})` : ''}`;
  const head = (title: string, waiting: string) => (
    <>
      <p className="small">
        <Link href={`/datasets/${datasetId}?version=${number}`}>← {dataset.name}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{title}</h1>
          <p className="muted">
            {dataset.name}, version {number}: {detail.meta.counts.unlabelled} image(s) {waiting}.
          </p>
        </div>
      </div>
    </>
  );
  if (detail.meta.task === 'segmentation') {
    const [height = 0, width = 0] = detail.meta.featureShape;
    return (
      <>
        {head('Label masks', 'without a mask')}
        <MaskLabelingView datasetId={datasetId} number={number} classes={detail.meta.classes ?? []} size={{ width, height }} />
      </>
    );
  }
  if (detail.meta.task === 'detection') {
    return (
      <>
        {head('Label boxes', 'without boxes')}
        <BoxLabelingView
          datasetId={datasetId}
          number={number}
          classes={detail.meta.classes ?? []}
          runs={runs.map((r) => ({ id: r.id, title: runTitle(r) }))}
        />
      </>
    );
  }
  return (
    <>
      {head('Label images', 'without a class')}
      {detail.meta.classes && detail.meta.classes.length > 0 ? (
        <LabelingView
          datasetId={datasetId}
          number={number}
          classes={detail.meta.classes}
          runs={runs.map((r) => ({
            id: r.id,
            title: `${runTitle(r)}${r.accuracy === null ? '' : ` — ${Math.round(r.accuracy * 100)} % accuracy`}`,
          }))}
        />
      ) : (
        <section className="panel stack">
          <p>This version has no classes yet: name the first one to start labelling.</p>
          <AddClassForm datasetId={datasetId} parent={number} />
        </section>
      )}
    </>
  );
}
