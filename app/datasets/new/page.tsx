import Link from 'next/link';
import { UploadWizard } from '@/components/datasets/UploadWizard';
import { requireUser } from '@/server/auth/current-user';
import { listTeams } from '@/server/teams/list-teams';

export const metadata = { title: 'Upload a dataset · NetCanvas' };

export default async function NewDatasetPage() {
  const user = await requireUser('/datasets/new');
  const teams = (await listTeams(user.id)).filter((t) => t.role !== 'viewer');
  return (
    <>
      <p className="small">
        <Link href="/datasets">← Datasets</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>Upload a dataset</h1>
          <p className="muted">
            Images in class folders, or a CSV table. Large files stream; nothing is kept until the whole upload is read.
          </p>
        </div>
      </div>
      <UploadWizard teams={teams.map((t) => ({ id: t.id, name: t.name }))} />
    </>
  );
}
