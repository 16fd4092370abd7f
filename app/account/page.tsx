import { ChangePasswordForm } from '@/components/auth/ChangePasswordForm';
import { requireUser } from '@/server/auth/current-user';

export const metadata = { title: 'Your account · NetCanvas' };

export default async function AccountPage() {
  const user = await requireUser('/account');
  return (
    <div className="auth-box stack">
      <section className="stack panel" aria-label="Your account">
        <h1>Your account</h1>
        <dl className="account-facts">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </dl>
      </section>
      <ChangePasswordForm />
    </div>
  );
}
