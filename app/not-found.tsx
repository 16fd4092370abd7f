import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="panel" style={{ maxWidth: 560, margin: '3rem auto' }}>
      <h1>Not found</h1>
      <p className="muted">This page does not exist, or it belongs to a team you are not a member of.</p>
      <Link href="/projects">Go to your projects</Link>
    </div>
  );
}
