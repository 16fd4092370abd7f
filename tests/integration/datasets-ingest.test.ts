import { describe, expect, it } from 'vitest';
import { guessDelimiter } from '@/server/datasets/ingest/csv';
import { naturalCompare } from '@/server/datasets/ingest/problems';
import { Utf8LineChecker } from '@/server/datasets/ingest/utf8';
import { classOf, unsafePath } from '@/server/datasets/ingest/zip-images';

/** The parsers' small pieces, without a database. */
describe('dataset ingest pieces', () => {
  it('refuses paths that climb out or are absolute, in either slash style', () => {
    expect(unsafePath('cats/1.png')).toBeNull();
    expect(unsafePath('cats/..hidden.png')).toBeNull();
    expect(unsafePath('../x.png')).toMatch(/\.\.\//);
    expect(unsafePath('a/../../x.png')).toMatch(/\.\.\//);
    expect(unsafePath('a\\..\\x.png')).toMatch(/\.\.\//);
    expect(unsafePath('/etc/passwd')).toMatch(/absolute/);
    expect(unsafePath('C:\\x.png')).toMatch(/absolute/);
  });

  it('takes the class from the folder holding the file; top-level and unlabelled folders have none', () => {
    expect(classOf('cats/1.png')).toBe('cats');
    expect(classOf('export/train/dogs/2.jpg')).toBe('dogs');
    expect(classOf('loose.png')).toBeNull();
    expect(classOf('data/unlabelled/3.png')).toBeNull();
    expect(classOf('data/Unlabeled/3.png')).toBeNull();
    expect(classOf('data/_unsorted/3.png')).toBeNull();
  });

  it('sorts class names naturally', () => {
    expect(['10', '2', '1', 'b', 'A'].sort(naturalCompare)).toEqual(['1', '2', '10', 'A', 'b']);
  });

  it('guesses the delimiter from the header line, ignoring quoted text', () => {
    expect(guessDelimiter('a,b,c')).toBe(',');
    expect(guessDelimiter('a;b;c')).toBe(';');
    expect(guessDelimiter('a\tb\tc')).toBe('\t');
    expect(guessDelimiter('"x;y;z",b,c')).toBe(',');
    expect(guessDelimiter('single')).toBe(',');
  });

  it('finds invalid UTF-8 by line, across chunk boundaries', () => {
    const checker = new Utf8LineChecker();
    const euro = new TextEncoder().encode('€'); // 3 bytes
    checker.check(Uint8Array.of(0x61, 0x0a, euro[0] as number));
    checker.check(Uint8Array.of(euro[1] as number, euro[2] as number, 0x0a, 0xe9, 0x0a, 0x62));
    checker.check(Uint8Array.of(0x0a, 0xc3));
    checker.end();
    expect(checker.badLines).toEqual([3, 5]);
  });
});
