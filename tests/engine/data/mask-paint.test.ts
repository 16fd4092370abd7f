import { describe, expect, it } from 'vitest';
import { fillPolygon, paintStroke } from '@/engine/data/mask-paint';
import { decodeMask, encodeMask } from '@/engine/data/mask-rle';

const SIZE = { width: 8, height: 6 };
const blank = () => new Uint8Array(SIZE.width * SIZE.height);
/** The mask as rows of digits, to compare with a drawing by eye. */
const rows = (mask: Uint8Array) =>
  Array.from({ length: SIZE.height }, (_, y) => Array.from(mask.subarray(y * SIZE.width, (y + 1) * SIZE.width)).join(''));

describe('mask runs', () => {
  it('round-trips a mask and writes long runs short', () => {
    const mask = blank();
    mask.fill(2, 10, 14);
    mask[47] = 255;
    const text = encodeMask(mask);
    expect(text).toBe('0×10,2×4,0×33,255×1');
    const back = decodeMask(text, mask.length);
    expect('pixels' in back && Array.from(back.pixels)).toEqual(Array.from(mask));
  });

  it.each([
    ['0×10', 'the runs cover 10 of the image\u2019s 48 pixels'.replace('\u2019', "'")],
    ['0×49', 'the runs cover more than the 48 pixels of the image'],
    ['0×40,300×8', 'class 300 is above 255'],
    ['0×48,', '"" is not a run of the form class×length'],
    ['zero×48', '"zero×48" is not a run of the form class×length'],
    ['0×0,0×48', 'a run has length 0'],
  ])('refuses %s: %s', (text, problem) => {
    expect(decodeMask(text, 48)).toEqual({ problem });
  });
});

describe('painting a mask', () => {
  it('a click paints the pixels whose centres are within the brush', () => {
    const mask = blank();
    paintStroke(mask, SIZE, { x: 4, y: 3 }, { x: 4, y: 3 }, 1, 1);
    expect(rows(mask)).toEqual(['00000000', '00000000', '00011000', '00011000', '00000000', '00000000']);
  });

  it('a stroke paints along its whole segment and is clipped at the edges', () => {
    const mask = blank();
    paintStroke(mask, SIZE, { x: -2, y: 0.5 }, { x: 20, y: 0.5 }, 0.5, 3);
    expect(rows(mask)[0]).toBe('33333333');
    expect(rows(mask).slice(1).join('')).toMatch(/^0+$/);
  });

  it('the eraser paints background over a class', () => {
    const mask = blank().fill(2);
    paintStroke(mask, SIZE, { x: 0, y: 3 }, { x: 8, y: 3 }, 1, 0);
    expect(rows(mask)).toEqual(['22222222', '22222222', '00000000', '00000000', '22222222', '22222222']);
  });

  it('fills a polygon by pixel centres, even-odd, whatever the winding', () => {
    const square = [
      { x: 2, y: 1 },
      { x: 6, y: 1 },
      { x: 6, y: 4 },
      { x: 2, y: 4 },
    ];
    const a = blank();
    fillPolygon(a, SIZE, square, 1);
    const b = blank();
    fillPolygon(b, SIZE, [...square].reverse(), 1);
    expect(rows(a)).toEqual(['00000000', '00111100', '00111100', '00111100', '00000000', '00000000']);
    expect(rows(b)).toEqual(rows(a));
    const triangle = blank();
    fillPolygon(
      triangle,
      SIZE,
      [
        { x: 0, y: 0 },
        { x: 8, y: 0 },
        { x: 0, y: 6 },
      ],
      4,
    );
    // Pixels of each row up to the hypotenuse x = 8 - 8y/6, at their centres.
    expect(rows(triangle)).toEqual(['44444440', '44444400', '44444000', '44400000', '44000000', '40000000']);
    const line = blank();
    fillPolygon(line, SIZE, square.slice(0, 2), 1);
    expect(line.every((v) => v === 0)).toBe(true);
  });
});
