import { describe, expect, it } from 'vitest';
import { cellFlag, previewCsvText } from '@/components/datasets/csv-preview';

describe('the CSV preview', () => {
  it('leaves rows with the wrong number of fields out of the guesses, so a short row cannot move a missing value', () => {
    // Row 3 lacks its middle field: read naively, its "7" would sit under b and c would look missing.
    const preview = previewCsvText('a,b,c\n1,2,x\n4,7\n5,,y\n');
    expect(preview.badRows).toBe(1);
    expect(preview.rows[1]).toMatchObject({ number: 3, bad: 'row 3 has 2 fields, the header has 3' });
    expect(preview.missing).toEqual([0, 1, 0]);
    expect(preview.types).toEqual(['numeric', 'numeric', 'categorical']);
  });

  it('says why a column was typed so, naming the cell that made it a category', () => {
    const preview = previewCsvText(`age,city\n${Array.from({ length: 20 }, (_, i) => `${30 + i},Oslo`).join('\n')}\nforty,Rome\n`);
    expect(preview.types).toEqual(['categorical', 'categorical']);
    expect(preview.reasons[0]).toBe(
      'category, because "forty" in row 22 is not a number (20 of 21 are); choose "number" to count such cells as errors',
    );
    expect(preview.mostlyNumbers).toEqual([true, false]);
    expect(preview.reasons[1]).toBe('category: 21 of 21 values are text, e.g. "Oslo" in row 2');
    expect(previewCsvText('x\n1\n2.5\nNA\n').reasons[0]).toBe('number: all 2 values read as numbers');
  });

  it('marks missing cells and text in a column of numbers', () => {
    expect(cellFlag('NA', 'numeric')).toBe('missing');
    expect(cellFlag('', 'categorical')).toBe('missing');
    expect(cellFlag('forty', 'numeric')).toBe('not-a-number');
    expect(cellFlag('forty', 'categorical', true)).toBe('not-a-number');
    expect(cellFlag('forty', 'categorical')).toBeNull();
    expect(cellFlag('', 'ignored')).toBeNull();
    expect(cellFlag('3', 'numeric')).toBeNull();
  });
});
