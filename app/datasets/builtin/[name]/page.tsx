import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BuiltinPreview } from '@/components/datasets/BuiltinPreview';
import { ClassBalanceChart } from '@/components/datasets/ClassBalanceChart';
import { builtinInfo, loadBuiltinDataset } from '@/engine/data/builtins';
import { BOX_SLOT } from '@/engine/tasks/detection-boxes';
import { taskSpec } from '@/engine/tasks/registry';
import { requireUser } from '@/server/auth/current-user';
import { builtinReader } from '@/server/datasets/read/builtin-reader';

export const metadata = { title: 'Built-in dataset · NetCanvas' };

export default async function BuiltinDatasetPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  await requireUser(`/datasets/builtin/${name}`);
  const info = builtinInfo(name);
  if (!info) notFound();
  const { meta } = await builtinReader(name);
  const dataset = await loadBuiltinDataset(name);
  const classCounts = meta.classes
    ? meta.classes.map((_, c) => countClass(dataset?.labels, c, info.task === 'detection' ? meta.labelSize : 0))
    : null;
  return (
    <>
      <p className="small">
        <Link href="/datasets">← Datasets</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{info.title}</h1>
          <p className="muted">
            <code>builtin:{name}</code> · {info.kind} · {info.task}
          </p>
          <p className="small muted">
            Source: {info.source} · License: {info.license}
          </p>
        </div>
      </div>
      <div className="grid-2">
        <section className="panel" aria-label="About">
          <p>{info.description}</p>
          <table aria-label="Split counts">
            <tbody>
              <tr>
                <th>Train</th>
                <td>{meta.counts.train.toLocaleString('en')}</td>
              </tr>
              <tr>
                <th>Validation</th>
                <td>{meta.counts.validation.toLocaleString('en')}</td>
              </tr>
              <tr>
                <th>Test</th>
                <td>{meta.counts.test.toLocaleString('en')}</td>
              </tr>
            </tbody>
          </table>
          <p className="small">Samples of shape [{meta.featureShape.join(', ')}].</p>
        </section>
        <section className="panel" aria-label="Classes">
          {meta.classes && classCounts ? (
            <>
              <h2>Class balance{info.task === 'segmentation' ? ' (pixels)' : info.task === 'detection' ? ' (boxes)' : ''}</h2>
              <ClassBalanceChart classes={meta.classes} counts={classCounts} />
            </>
          ) : (
            <p className="small">
              A {taskSpec(info.task).label} set. {taskSpec(info.task).doc}
            </p>
          )}
        </section>
      </div>
      <section className="panel" aria-label="Preview">
        <h2>First training samples</h2>
        <BuiltinPreview
          name={name}
          featureShape={meta.featureShape}
          classes={meta.classes}
          image={info.kind === 'image'}
          labelSize={meta.labelSize}
          masks={info.task === 'segmentation'}
          boxes={info.task === 'detection'}
        />
      </section>
    </>
  );
}

/** How often a class appears in the labels: every value, or for boxes only the class of each slot (`boxLabelSize` values per image). */
function countClass(labels: Float32Array | undefined, c: number, boxLabelSize: number): number {
  if (!labels) return 0;
  let n = 0;
  const step = boxLabelSize > 0 ? BOX_SLOT : 1;
  for (let i = 0; i < labels.length; i += step) if (labels[i] === c) n++;
  return n;
}
