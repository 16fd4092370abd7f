/** Stand-in origin to resolve a path against: whatever leaves it is not a path of ours. */
const HERE = 'https://netcanvas.invalid';

/**
 * Where to go after signing in: `next` when it is a path on this site (`/projects/x?y`), else the
 * fallback. `//host`, `/\host` (browsers read `\` as `/`), `https://…`, `javascript:` and anything
 * with control characters would send the browser elsewhere, so they are refused.
 *
 * @example
 * sameOriginPath('/projects/p1', '/projects') // '/projects/p1'
 * sameOriginPath('//evil.invalid/phish', '/projects') // '/projects'
 */
export function sameOriginPath(next: string | null | undefined, fallback: string): string {
  if (!next?.startsWith('/') || next.startsWith('//') || [...next].some(unsafe)) return fallback;
  try {
    const url = new URL(next, HERE);
    if (url.origin !== HERE) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** A backslash or a control character: browsers drop or reinterpret them, turning a path into a host. */
function unsafe(char: string): boolean {
  const code = char.charCodeAt(0);
  return char === '\\' || code < 0x20 || code === 0x7f;
}
