/** Fresh ids for nodes and edges added to a document, in the style of the templates. */

/** `${base}_${n}` for the smallest n ≥ 1 not in `taken`; adds the result to `taken`. */
export function freshId(base: string, taken: Set<string>): string {
  let n = 1;
  while (taken.has(`${base}_${n}`)) n++;
  const id = `${base}_${n}`;
  taken.add(id);
  return id;
}

/** An edge id in the style of the templates (`a->b`), made unique with a `#n` suffix when needed. */
export function freshEdgeId(source: string, target: string, taken: Set<string>): string {
  let id = `${source}->${target}`;
  for (let n = 2; taken.has(id); n++) id = `${source}->${target}#${n}`;
  taken.add(id);
  return id;
}
