/**
 * PostgreSQL cannot store a NUL character in text or in JSON (`invalid byte sequence`,
 * `unsupported Unicode escape sequence`), so input holding one is refused before it reaches the
 * database, with the place it was found. Walked without recursion: input may nest deeply.
 *
 * @returns the path of the first string or key holding a NUL (`nodes.3.name`; `(root)` for the
 *   value itself), or null.
 */
export function nulBytePath(value: unknown): string | null {
  // Almost no input holds one: a walk that builds no paths decides, and only a hit pays for them.
  return holdsNul(value) ? pathOfNul(value) : null;
}

/** Whether any string or key in `value` holds a NUL; allocates one stack of values, nothing per item. */
function holdsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return true;
    } else if (Array.isArray(current)) {
      for (const child of current) stack.push(child);
    } else if (current !== null && typeof current === 'object') {
      for (const key of Object.keys(current)) {
        if (key.includes('\u0000')) return true;
        stack.push((current as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}

function pathOfNul(value: unknown): string | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value: current, path } = item;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return where(path);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    const entries = Array.isArray(current) ? current.entries() : Object.entries(current);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && key.includes('\u0000')) return where([...path, JSON.stringify(key)]);
      stack.push({ value: child, path: [...path, String(key)] });
    }
  }
  return null;
}

function where(path: string[]): string {
  return path.length ? path.join('.') : '(root)';
}
