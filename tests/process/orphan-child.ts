import { exitWhenOrphaned } from '../../server/process/exit-when-orphaned';

let stopped = false;
process.on('SIGTERM', () => {
  stopped = true;
  console.log('child stopping');
  setTimeout(() => process.exit(0), 100);
});
// As Next's server does: an error nobody handled is logged and the process goes on.
process.on('uncaughtException', (error) => console.error('uncaught', error.message));
if (!process.env.NO_GUARD) exitWhenOrphaned();
setInterval(() => {
  if (!stopped) console.error('child still here');
}, 50);
