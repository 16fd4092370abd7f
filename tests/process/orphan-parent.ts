/**
 * A parent that starts a child which guards itself with exitWhenOrphaned, prints the child's pid,
 * and then waits to be killed. The child logs a line every 50 ms to its inherited output.
 */
import { spawnScript } from '../../scripts/spawn-script';

const child = spawnScript('tests/process/orphan-child.ts', [], { stdio: ['ignore', 'inherit', 'inherit'] });
console.log(`child ${child.pid}`);
setInterval(() => {}, 1000);
