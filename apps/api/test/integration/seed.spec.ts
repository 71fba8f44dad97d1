import { seedDemo } from '../../src/seed/demo.js';
import { startTestApp, tableCounts } from '../support/test-app.js';

describe('demo bureau seed', () => {
  it('loads the documents\' sections and 40–80 people, and running it again changes nothing', async () => {
    const t = await startTestApp();
    try {
      const first = await tableCounts(t.ds);
      expect(first.sections).toBe(15);
      expect(first.people).toBeGreaterThanOrEqual(40);
      expect(first.people).toBeLessThanOrEqual(80);
      await seedDemo(t.ds);
      await seedDemo(t.ds);
      expect(await tableCounts(t.ds)).toEqual(first);
      const names = (await t.ds.query('SELECT name FROM sections')).map((r: { name: string }) => r.name);
      expect(names).toEqual(expect.arrayContaining(['办公室', '法规处', '执法一处', '执法二处', '指挥调度室', '政治处', '机关党总支', '监察室', '城管监督科', '市城市管理综合执法支队', '市园林绿化管理处']));
    } finally {
      await t.close();
    }
  });
});
