import { Suspense } from 'react';
import { ResetPasswordForm } from '@/components/auth/ResetPasswordForm';

export const metadata = { title: 'Choose a new password · NetCanvas' };

export default function ResetPasswordPage() {
  return (
    <div className="auth-box">
      <Suspense>
        <ResetPasswordForm />
      </Suspense>
    </div>
  );
}
