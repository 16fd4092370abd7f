import { describe, expect, it } from 'vitest';
import { rememberJsonText, stringifyAnswer } from '@/server/http/json-text';

describe('stringifyAnswer', () => {
  it('is JSON.stringify for answers with nothing remembered', () => {
    for (const value of [null, 3, 'text', [1, { a: 2 }], { a: 1, b: [true, null], c: { d: 'e' } }, { gone: undefined, kept: 1 }]) {
      expect(stringifyAnswer(value)).toBe(JSON.stringify(value));
    }
  });

  it('splices in the remembered text of a top-level field, and the answer reads back the same', () => {
    const graph = { nodes: [{ id: 'a', type: 'dense' }], name: 'g' };
    // Keys in another order than the object's, as a canonical text has them: what is sent is the text.
    const text = '{"name":"g","nodes":[{"id":"a","type":"dense"}]}';
    rememberJsonText(graph, text);
    const answer = { number: 2, message: 'say "hi"', graph, gone: undefined };
    const wire = stringifyAnswer(answer);
    expect(wire).toBe(`{"number":2,"message":"say \\"hi\\"","graph":${text}}`);
    expect(JSON.parse(wire)).toEqual({ number: 2, message: 'say "hi"', graph });
  });

  it('serializes a copy of a remembered object afresh (the text belongs to the object, not its contents)', () => {
    const graph = { name: 'g' };
    rememberJsonText(graph, '{"name":"remembered"}');
    expect(stringifyAnswer({ graph: { ...graph } })).toBe('{"graph":{"name":"g"}}');
    expect(stringifyAnswer({ deeper: { graph } })).toBe('{"deeper":{"graph":{"name":"g"}}}');
  });
});
