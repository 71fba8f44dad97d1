import { layoutBars } from './bars';

describe('bar chart layout', () => {
  it('scales to the given maximum and rounds the text', () => {
    const bars = layoutBars([{ key: 'a', label: '办公室', value: 96.5 }, { key: 'b', label: '法规处', value: 88.25 }], 100);
    expect(bars.map((b) => [b.percent, b.text])).toEqual([
      [96.5, '96.5'],
      [88.3, '88.3'],
    ]);
  });
  it('without a maximum the largest value fills the track; zero stays empty, tiny values show a sliver', () => {
    const bars = layoutBars([{ key: 'a', label: 'A', value: 50 }, { key: 'b', label: 'B', value: 0 }, { key: 'c', label: 'C', value: 0.1 }]);
    expect(bars.map((b) => b.percent)).toEqual([100, 0, 2]);
  });
  it('clamps values above the scale', () => {
    expect(layoutBars([{ key: 'a', label: 'A', value: 120 }], 100)[0]!.percent).toBe(100);
  });
});
