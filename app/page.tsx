import Link from 'next/link';
import { redirect } from 'next/navigation';
import { TryItNow } from '@/components/onboarding/TryItNow';
import { currentUser } from '@/server/auth/current-user';
import { signUpConfirmedByMail } from '@/server/env';

export default async function Home() {
  if (await currentUser()) redirect('/projects');
  // A guest signs in at once; where sign-up is confirmed by mail, nobody does (server/env.ts).
  const guests = !signUpConfirmedByMail();
  return (
    <>
      <section className="hero">
        <h1>Design neural networks by drawing them</h1>
        <p>
          Lay out layers, see every tensor shape and mistake as you go, train in your browser or on the team&apos;s workers, and keep the
          whole history of every model with your team.
        </p>
        <div className="row" style={{ justifyContent: 'center' }}>
          {guests ? <TryItNow /> : null}
          <Link href="/sign-up" className="button">
            Create an account
          </Link>
          <Link href="/sign-in" className="button">
            Sign in
          </Link>
        </div>
        {guests ? <p className="muted small">No account needed to try: a demo trains in your browser, and signing up keeps it.</p> : null}
      </section>
      <section className="features">
        <div className="panel">
          <h3>Shapes as you draw</h3>
          <p className="muted">Every layer shows its output shape, parameters and cost; errors point at the layer and field at fault.</p>
        </div>
        <div className="panel">
          <h3>Every version kept</h3>
          <p className="muted">Each save is a version you can open, compare layer by layer, or restore. Nobody overwrites anybody.</p>
        </div>
        <div className="panel">
          <h3>Teams</h3>
          <p className="muted">Invite people as owners, editors or viewers. Fork a project to try an idea without touching the original.</p>
        </div>
      </section>
    </>
  );
}
