import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { AuthForm } from '@/components/auth/AuthForm';
import { currentUser } from '@/server/auth/current-user';

export const metadata = { title: 'Sign in · NetCanvas' };

export default async function SignInPage() {
  if (await currentUser()) redirect('/projects');
  return (
    <div className="auth-box">
      <Suspense>
        <AuthForm mode="sign-in" />
      </Suspense>
    </div>
  );
}
