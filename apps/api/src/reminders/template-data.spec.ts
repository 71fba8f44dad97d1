import { cut, formatValue, keywordType, parseFieldMap, templateData, type TemplateValues } from './template-data.js';

const VALUES: TemplateValues = {
  title: '考评事件申诉期即将结束',
  note: '2025-09-10 NB-5 已核实计分，如有异议请在截止前提出申诉，逾期不再受理',
  time: '2025-09-15 17:30',
  deadline: '2025-09-17',
  name: '杨玉兰',
  section: '执法一处',
};

describe('subscription-message data', () => {
  it('maps the configured keywords to values in the format of each keyword type', () => {
    expect(templateData(parseFieldMap('thing1:title,time2:time,thing3:note'), VALUES)).toEqual({
      thing1: { value: '考评事件申诉期即将结束' },
      time2: { value: '2025年9月15日 17:30' },
      thing3: { value: '2025-09-10 NB-5 已核实…' },
    });
  });

  it('thing: at most 20 characters, cut with an ellipsis, never inside a surrogate pair', () => {
    expect(Array.from(formatValue('thing', 'note', VALUES))).toHaveLength(20);
    expect(cut('一二三四五六七八九十一二三四五六七八九十', 20)).toBe('一二三四五六七八九十一二三四五六七八九十');
    expect(cut('一二三四五六七八九十一二三四五六七八九十多', 20)).toBe('一二三四五六七八九十一二三四五六七八九…');
    const emoji = '😀'.repeat(25);
    const out = cut(emoji, 20);
    expect(Array.from(out)).toHaveLength(20);
    expect(out.endsWith('…')).toBe(true);
    expect(out.slice(0, -1)).toBe('😀'.repeat(19));
    expect(cut('  多行\n文本  ', 20)).toBe('多行 文本');
  });

  it('phrase: Chinese characters only, at most 5; name: 10 Chinese characters', () => {
    expect(formatValue('phrase', 'title', VALUES)).toBe('考评事件申');
    expect(formatValue('phrase', 'note', { ...VALUES, note: 'NB-5' })).toBe('待办');
    expect(formatValue('name', 'name', VALUES)).toBe('杨玉兰');
    expect(formatValue('name', 'title', { ...VALUES, title: '一二三四五六七八九十十一' })).toBe('一二三四五六七八九十');
  });

  it('time and date: the reminder time, or the deadline at the end of its day', () => {
    expect(formatValue('time', 'time', VALUES)).toBe('2025年9月15日 17:30');
    expect(formatValue('time', 'deadline', VALUES)).toBe('2025年9月17日 23:59');
    expect(formatValue('date', 'deadline', VALUES)).toBe('2025年9月17日');
    expect(formatValue('date', 'time', VALUES)).toBe('2025年9月15日');
    // a text value in a time keyword falls back to the reminder time (WeChat refuses free text there)
    expect(formatValue('time', 'title', VALUES)).toBe('2025年9月15日 17:30');
  });

  it('character_string, number, letter, symbol keep only what WeChat allows, never empty', () => {
    expect(formatValue('character_string', 'note', VALUES)).toBe('2025-09-10NB-5');
    expect(formatValue('number', 'deadline', VALUES)).toBe('20250917');
    expect(formatValue('letter', 'note', VALUES)).toBe('NB');
    expect(formatValue('symbol', 'title', VALUES)).toBe('-');
    expect(formatValue('thing', 'section', { ...VALUES, section: '   ' })).toBe('—');
  });

  it('reads keyword types and the field map', () => {
    expect(keywordType('character_string12')).toBe('character_string');
    expect(keywordType('thing1')).toBe('thing');
    expect(parseFieldMap('thing1:title, phrase4:note')).toEqual([
      ['thing1', 'title'],
      ['phrase4', 'note'],
    ]);
  });
});
