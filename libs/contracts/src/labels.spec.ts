import * as contracts from './index';

/** Every `*_LABELS` map the apps show is Chinese text, non-empty, for every key. */
describe('user-facing labels', () => {
  const maps = Object.entries(contracts).filter(([name, value]) => name.endsWith('_LABELS') && typeof value === 'object' && value !== null) as [string, Record<string, string>][];

  it('exist', () => {
    expect(maps.map(([name]) => name)).toEqual(expect.arrayContaining(['ROLE_LABELS', 'POSITION_LABELS', 'CATEGORY_LABELS']));
  });

  it.each(maps)('%s: every value is non-empty Chinese text', (_name, map) => {
    for (const [key, label] of Object.entries(map)) {
      expect({ key, label, chinese: /[\u4e00-\u9fff]/.test(label) }).toEqual({ key, label, chinese: true });
    }
  });

  it('label every role, position and section category', () => {
    for (const r of contracts.ROLES) expect(contracts.ROLE_LABELS[r]).toBeTruthy();
    for (const p of contracts.POSITIONS) expect(contracts.POSITION_LABELS[p]).toBeTruthy();
    for (const c of contracts.SECTION_CATEGORIES) expect(contracts.CATEGORY_LABELS[c]).toBeTruthy();
  });
});
