import { ForgotPasswordForm } from '@/components/auth/ForgotPasswordForm';
import { mailConfigured } from '@/server/mail/send-mail';

export const metadata = { title: 'Forgot your password · NetCanvas' };
export const dynamic = 'force-dynamic';

export default function ForgotPasswordPage() {
  return (
    <div className="auth-box">
      <ForgotPasswordForm mailConfigured={mailConfigured()} />
    </div>
  );
}
