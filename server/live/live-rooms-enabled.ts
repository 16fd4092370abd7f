/** Set by the web server that serves live rooms on its own port (`scripts/serve.ts`, `npm start`). */
export const ROOMS_SERVED = 'NETCANVAS_SERVES_ROOMS';

/**
 * Whether project pages join live rooms (co-editing, present mode, share links): when the web
 * server serves them (`npm start` does; `npm run dev`'s Next.js server does not), unless switched
 * off with `NETCANVAS_LIVE_ROOMS=0`.
 */
export function liveRoomsEnabled(): boolean {
  return process.env[ROOMS_SERVED] === '1' && process.env.NETCANVAS_LIVE_ROOMS !== '0';
}
