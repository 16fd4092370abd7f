import { redirect } from 'next/navigation';
import { KeepWorkForm } from '@/components/onboarding/KeepWorkForm';
import { requireUser } from '@/server/auth/current-user';
import { isGuest } from '@/server/onboarding/guest-status';

export const metadata = { title: 'Keep your work · NetCanvas' };

export default async function KeepPage() {
  const user = await requireUser('/keep');
  if (!(await isGuest(user.id))) redirect('/projects');
  return (
    <div className="auth-box">
      <KeepWorkForm />
    </div>
  );
}
