import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { signInLimitActive } from '@/server/auth/sign-in-throttle';
import { db } from '@/server/db/client';
import { authSecret, baseUrl, signUpConfirmedByMail, trustedOrigins } from '@/server/env';
import { sendMail } from '@/server/mail/send-mail';
import { setUpNewUser } from '@/server/teams/set-up-new-user';

/** How long a revoked session may still read (never write): the age of Better Auth's session cookie cache. */
export const SESSION_CACHE_SECONDS = 5;

function createAuth() {
  const confirm = signUpConfirmedByMail();
  return betterAuth({
    appName: 'NetCanvas',
    baseURL: baseUrl(),
    secret: authSecret(),
    trustedOrigins: trustedOrigins(),
    database: prismaAdapter(db(), { provider: 'postgresql' }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      // With sign-up confirmed by mail, Better Auth answers a sign-up for a taken address as for a new one.
      autoSignIn: !confirm,
      requireEmailVerification: confirm,
      ...(confirm
        ? {
            onExistingUserSignUp: async ({ user }: { user: { name: string; email: string } }) => {
              await sendMail({ to: user.email, subject: 'You already have a NetCanvas account', text: existingAccountText(user.name) });
            },
          }
        : {}),
      // The link leads to /reset-password (the redirect the form asks for) and works once, for an hour.
      resetPasswordTokenExpiresIn: 3600,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        await sendMail({ to: user.email, subject: 'Reset your NetCanvas password', text: resetPasswordText(user.name, url) });
      },
    },
    // The signed session cookie spares a database read per request, but outlives a revoked session
    // by up to its age: reads accept that for a few seconds, writes never (server/auth/caller.ts).
    // An address is proved by a mailed link before anything addressed to it — an invitation — is
    // given to the account (server/teams/my-invitations.ts). The link signs the browser in.
    emailVerification: {
      sendOnSignUp: confirm,
      // An account made before sign-up needed confirming gets a link when it next signs in.
      sendOnSignIn: confirm,
      autoSignInAfterVerification: true,
      expiresIn: 24 * 3600,
      sendVerificationEmail: async ({ user, url }) => {
        await sendMail({ to: user.email, subject: 'Confirm your NetCanvas email address', text: verifyEmailText(user.name, url) });
      },
    },
    session: { cookieCache: { enabled: true, maxAge: SESSION_CACHE_SECONDS } },
    // Counted in the database, so every server process shares the budget. Sign-in and sign-up get a
    // tighter one than the rest.
    rateLimit: {
      enabled: signInLimitActive(),
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: 10 },
        '/sign-up/email': { window: 60, max: 10 },
        '/request-password-reset': { window: 60, max: 5 },
      },
    },
    // scripts/serve.ts sets X-Forwarded-For to the one client address it believes (TRUSTED_PROXY).
    advanced: { ipAddress: { ipAddressHeaders: ['x-forwarded-for'] } },
    telemetry: { enabled: false },
    logger: { level: process.env.NODE_ENV === 'test' ? 'error' : 'warn' },
    databaseHooks: {
      user: {
        create: {
          // Every new account gets a personal team; invitations to its email wait until it is verified.
          after: async (user) => {
            await setUpNewUser(db(), { id: user.id, name: user.name, email: user.email });
          },
        },
      },
    },
  });
}

function verifyEmailText(name: string, url: string): string {
  return [
    `Hello ${name},`,
    '',
    'To confirm that this address is yours (and accept the invitations sent to it), open this link within a day:',
    '',
    url,
    '',
    'If you did not ask for it, ignore this message.',
  ].join('\n');
}

function existingAccountText(name: string): string {
  return [
    `Hello ${name},`,
    '',
    'Someone tried to create a NetCanvas account with this address, which already has one. If it was you,',
    'sign in instead, or ask for a new password from the sign-in page if you have forgotten it.',
    '',
    'If it was not you, ignore this message: nothing has changed.',
  ].join('\n');
}

function resetPasswordText(name: string, url: string): string {
  return [
    `Hello ${name},`,
    '',
    'Someone asked to reset the password of your NetCanvas account. To choose a new one, open this link',
    'within the hour:',
    '',
    url,
    '',
    'If it was not you, ignore this message: your password stays as it is.',
  ].join('\n');
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { netcanvasAuth?: Auth };

/** The Better Auth instance (email + password, scrypt hashes, httpOnly cookies), created on first use. */
export function auth(): Auth {
  globalForAuth.netcanvasAuth ??= createAuth();
  return globalForAuth.netcanvasAuth;
}

/** Drops the instance so the next call picks up a new database (tests). */
export function resetAuth(): void {
  globalForAuth.netcanvasAuth = undefined;
}
