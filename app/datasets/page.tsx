import Link from 'next/link';
import { sampleCountWords } from '@/components/datasets/sample-count';
import { BUILTIN_DATASETS } from '@/engine/data/builtins';
import { requireUser } from '@/server/auth/current-user';
import { listDatasets } from '@/server/datasets/list-datasets';
import { listTeams } from '@/server/teams/list-teams';

export const metadata = { title: 'Datasets · NetCanvas' };

const KIND: Record<string, string> = { image: 'Images', tabular: 'Table', sequence: 'Sequences', text: 'Text' };

export default async function DatasetsPage() {
  const user = await requireUser('/datasets');
  const teams = await listTeams(user.id);
  const datasets = await Promise.all(teams.map((team) => listDatasets(team.id, team.role)));
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Datasets</h1>
          <p className="muted">Your teams' uploads, and the built-in datasets that work offline.</p>
        </div>
        <div className="row">
          <Link href="/datasets/video" className="button">
            Label a video
          </Link>
          <Link href="/datasets/new" className="button primary">
            Upload a dataset
          </Link>
        </div>
      </div>
      {teams.map((team, t) => (
        <section className="panel" key={team.id} aria-label={`${team.name} datasets`}>
          <h2>{team.name}</h2>
          {datasets[t]?.length ? (
            <table>
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Kind</th>
                  <th>Newest version</th>
                  <th>Samples</th>
                  <th>Source</th>
                </tr>
              </thead>
              <tbody>
                {datasets[t]?.map((d) => {
                  const head = d.versions[0];
                  return (
                    <tr key={d.id}>
                      <td>
                        <Link href={`/datasets/${d.id}`}>{d.name}</Link>
                      </td>
                      <td>{KIND[d.kind] ?? d.kind}</td>
                      <td>{head ? `v${head.number}` : '—'}</td>
                      <td>{head ? sampleCountWords(head.counts) : 'no samples'}</td>
                      <td className="small muted">{d.source || '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p className="muted">No datasets yet.</p>
          )}
        </section>
      ))}
      <section className="panel" aria-label="Built-in datasets">
        <h2>Built-in datasets</h2>
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>What</th>
              <th>Source</th>
              <th>License</th>
            </tr>
          </thead>
          <tbody>
            {BUILTIN_DATASETS.map((d) => (
              <tr key={d.name}>
                <td>
                  <Link href={`/datasets/builtin/${d.name}`}>
                    <strong>{d.title}</strong>
                  </Link>
                  <div className="small muted">
                    <code>builtin:{d.name}</code> · {KIND[d.kind]} · {d.task}
                  </div>
                </td>
                <td className="small">{d.description}</td>
                <td className="small">{d.source}</td>
                <td className="small">{d.license}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
