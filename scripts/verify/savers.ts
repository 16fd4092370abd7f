import { json } from '../../bench/support';
import { templateGraph } from '../../engine/templates';

/** A save the server acknowledged (2xx): it must be readable, with this message, ever after. */
export interface Acknowledged {
  projectId: string;
  number: number;
  message: string;
}

/** What a group of saving clients saw. */
export interface SaveTally {
  saved: number;
  conflicts: number;
  /** 5xx answers and failed connections: the server could not answer (expected only while it is being hurt). */
  unavailable: number;
  /** Any other answer: a 4xx other than 409, or a 2xx without a version. Never expected. */
  wrong: number;
  latenciesMs: number[];
  acknowledged: Acknowledged[];
  firstWrong: string | null;
}

const GRAPH = JSON.stringify(templateGraph('mlp'));

export function authHeaders(token: string): Record<string, string> {
  return { 'content-type': 'application/json', authorization: `Bearer ${token}` };
}

/** New projects, each with a first version, for savers to save on. */
export async function makeProjects(url: string, token: string, teamId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await json<{ id: string }>(
      await fetch(`${url}/api/teams/${teamId}/projects`, {
        method: 'POST',
        headers: authHeaders(token),
        body: JSON.stringify({ name: `verify ${i}` }),
      }),
    );
    await json(
      await fetch(`${url}/api/projects/${id}/versions`, {
        method: 'POST',
        headers: authHeaders(token),
        body: `{"parent":null,"message":"first","graph":${GRAPH}}`,
      }),
    );
    ids.push(id);
  }
  return ids;
}

/**
 * `clients` clients saving one after another until `stop()` says so, client k on project
 * k mod projects.length, each on top of the head it last saw (a 409 tells it the new head, as the
 * editor does). Every 2xx is recorded with its number and unique message.
 */
export async function saveUntil(url: string, token: string, projects: string[], clients: number, stop: () => boolean): Promise<SaveTally> {
  const tally: SaveTally = { saved: 0, conflicts: 0, unavailable: 0, wrong: 0, latenciesMs: [], acknowledged: [], firstWrong: null };
  let sequence = 0;
  const client = async (k: number) => {
    const projectId = projects[k % projects.length] as string;
    let head = 1;
    while (!stop()) {
      const message = `save ${k}.${++sequence}`;
      const started = performance.now();
      try {
        const response = await fetch(`${url}/api/projects/${projectId}/versions`, {
          method: 'POST',
          headers: authHeaders(token),
          body: `{"parent":${head},"message":${JSON.stringify(message)},"graph":${GRAPH}}`,
        });
        const text = await response.text();
        tally.latenciesMs.push(performance.now() - started);
        if (response.status === 201) {
          const number = (JSON.parse(text) as { number: number }).number;
          tally.saved++;
          tally.acknowledged.push({ projectId, number, message });
          head = number;
        } else if (response.status === 409) {
          tally.conflicts++;
          head = (JSON.parse(text) as { error: { details: { head: { number: number } } } }).error.details.head.number;
        } else if (response.status >= 500) {
          tally.unavailable++;
        } else {
          tally.wrong++;
          tally.firstWrong ??= `${response.status} ${text.slice(0, 300)}`;
        }
      } catch {
        // The connection failed (the server is down or restarting): not an answer, so not acknowledged.
        tally.unavailable++;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, k) => client(k)));
  return tally;
}

/** How many acknowledged saves cannot be read back as saved (missing, or another save's content). */
export async function lostWrites(url: string, token: string, acknowledged: Acknowledged[]): Promise<number> {
  let lost = 0;
  const seen = new Set<string>();
  for (let i = 0; i < acknowledged.length; i += 20) {
    const answers = await Promise.all(
      acknowledged.slice(i, i + 20).map(async (ack) => {
        const key = `${ack.projectId}/${ack.number}`;
        // Two acknowledgements of one number would mean one of them was overwritten.
        if (seen.has(key)) return false;
        seen.add(key);
        const response = await fetch(`${url}/api/projects/${ack.projectId}/versions/${ack.number}`, { headers: authHeaders(token) });
        if (!response.ok) return false;
        return ((await response.json()) as { message: string }).message === ack.message;
      }),
    );
    lost += answers.filter((ok) => !ok).length;
  }
  return lost;
}

/** The q-quantile (0..1) of some figures. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}
