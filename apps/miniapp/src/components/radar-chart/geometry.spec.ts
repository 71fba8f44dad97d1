import { axisPoint, base64Ascii, radarSvg } from './geometry';

describe('radar chart geometry', () => {
  it('puts the first axis straight up and goes clockwise', () => {
    const top = axisPoint(0, 6, 1, 300);
    expect(top.x).toBeCloseTo(150);
    expect(top.y).toBeLessThan(150);
    const right = axisPoint(1, 4, 1, 300);
    expect(right.x).toBeGreaterThan(150);
    expect(right.y).toBeCloseTo(150);
  });

  it('draws the value polygon scaled by value/max, clamped', () => {
    const svg = radarSvg([{ label: 'a', value: 50, max: 100 }, { label: 'b', value: 150, max: 100 }, { label: 'c', value: -5, max: 100 }], 300);
    expect(svg).toContain('<svg');
    expect(svg.match(/<polygon/g)).toHaveLength(5);
  });

  it('encodes base64 like btoa', () => {
    for (const s of ['', 'a', 'ab', 'abc', '<svg x="1"/>']) expect(base64Ascii(s)).toBe(Buffer.from(s).toString('base64'));
  });
});
