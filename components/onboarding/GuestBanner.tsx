import Link from 'next/link';

/** Shown on a guest's project pages: the work lasts a day unless they keep it by signing up. */
export function GuestBanner() {
  return (
    <section className="guest-banner" aria-label="Guest mode">
      <span>You are trying NetCanvas as a guest: this work is deleted after a day.</span>
      <Link href="/keep" className="button small primary">
        Sign up to keep it
      </Link>
    </section>
  );
}
