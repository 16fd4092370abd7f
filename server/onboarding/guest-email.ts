/**
 * Guests get an address under a reserved name that can never receive mail (RFC 2606 `.invalid`),
 * so no real person's address is ever taken by one, and guests are easy to tell apart.
 */
export const GUEST_EMAIL_DOMAIN = 'guest.netcanvas.invalid';

export function isGuestEmail(email: string): boolean {
  return email.toLowerCase().endsWith(`@${GUEST_EMAIL_DOMAIN}`);
}
