import type { Me, Role } from '@kaoping/contracts';
import { PUBLICITY_ROUTES } from '../../services/publicity.api';
import { entriesFor } from './entries';

const me = (role: Role): Me => {
  const person = role !== 'citizen' && role !== 'representative';
  return {
    kind: person ? 'person' : (role as 'citizen' | 'representative'),
    id: 'p1',
    name: '测试',
    role,
    position: role === 'chief' ? 'chief' : person && role !== 'leader' ? 'staff' : null,
    sectionId: person && role !== 'leader' ? 'jdk' : null,
    sectionName: person && role !== 'leader' ? '城管监督科' : null,
    branchSecretary: false,
  };
};

const keys = (role: Role) => entriesFor(me(role)).filter((e) => ['progress', 'my-registration', 'progress-edit', 'progress-review', 'open-days'].includes(e.key));

describe('进度公示 and 公众开放日 entries', () => {
  it('citizens: the public progress list and their open-day registrations, under 服务', () => {
    expect(keys('citizen').map((e) => [e.key, e.group, e.url])).toEqual([
      ['progress', 'service', PUBLICITY_ROUTES.list],
      ['my-registration', 'service', PUBLICITY_ROUTES.mine],
    ]);
  });

  it('a chief fills in the board; the office reviews it and runs open days; leaders read both; staff see none', () => {
    expect(keys('chief').map((e) => [e.key, e.url])).toEqual([['progress-edit', PUBLICITY_ROUTES.edit]]);
    expect(keys('office').map((e) => [e.key, e.title, e.group])).toEqual([
      ['progress-review', '进度公示审核', 'admin'],
      ['open-days', '公众开放日', 'admin'],
    ]);
    expect(keys('leader').map((e) => [e.key, e.title])).toEqual([
      ['progress-review', '进度公示'],
      ['open-days', '公众开放日'],
    ]);
    expect(keys('staff')).toEqual([]);
    expect(keys('representative')).toEqual([]);
  });
});
