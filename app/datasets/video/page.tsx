import Link from 'next/link';
import { VideoLabeller } from '@/components/datasets/video/VideoLabeller';
import { requireUser } from '@/server/auth/current-user';
import { listDetectionRuns } from '@/server/datasets/list-detection-runs';
import { listTeams } from '@/server/teams/list-teams';

export const metadata = { title: 'Label a video · NetCanvas' };

export default async function VideoDatasetPage() {
  const user = await requireUser('/datasets/video');
  const [teams, runs] = await Promise.all([listTeams(user.id), listDetectionRuns(user.id)]);
  const editable = teams.filter((t) => t.role !== 'viewer');
  return (
    <>
      <p className="small">
        <Link href="/datasets">← Datasets</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>Label a video</h1>
          <p className="muted">
            Sample frames from a short video, draw boxes on a few keyframes and let them be interpolated between, then save the frames as a
            detection dataset. The video stays in this browser; only the frames you save are uploaded.
          </p>
        </div>
      </div>
      {editable.length > 0 ? (
        <VideoLabeller teams={editable.map((t) => ({ id: t.id, name: t.name }))} runs={runs} />
      ) : (
        <p className="alert">You can only view your teams' datasets: ask a team owner to make you an editor to add one.</p>
      )}
    </>
  );
}
