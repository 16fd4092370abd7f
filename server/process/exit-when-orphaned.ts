/**
 * Stops this process when the one that started it is gone. A web server or worker whose parent
 * died (killed outright, so it could not pass the stop on) would otherwise run on unseen: its
 * database may have gone with the parent (the embedded PGlite is served by `npm start`'s own
 * process), and every line it logs to the closed pipe raises an error that is logged again, a loop
 * that takes a whole core. The stop is the process's own SIGTERM handling, so a clean stop stays
 * clean; a broken output pipe ends it at once.
 */
export function exitWhenOrphaned(): void {
  const parent = process.ppid;
  const check = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(check);
    process.kill(process.pid, 'SIGTERM');
  }, 1000);
  check.unref();
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(1);
    });
  }
}
