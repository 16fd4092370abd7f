import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

/**
 * Runs one of the project's TypeScript scripts in a Node.js process of its own, with tsx as a
 * loader (`node --import tsx`) rather than through the `tsx` command. The command puts a process
 * of its own in between, which passes a signal on only if the script acknowledges it within a few
 * tens of milliseconds and kills the script outright otherwise: on a busy machine a stop then
 * skips the script's own shutdown, and the processes it started are left running.
 */
export function spawnScript(script: string, args: string[], options: SpawnOptions): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], options);
}
