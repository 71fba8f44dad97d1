import type { Me, Role } from '@kaoping/contracts';
import { REVIEW_ROUTES } from '../../services/reviews.api';
import { entriesFor } from './entries';

function me(role: Role): Me {
  return {
    kind: 'person',
    id: 'p1',
    name: '测试',
    role,
    position: role === 'chief' ? 'chief' : role === 'leader' ? null : 'staff',
    sectionId: role === 'leader' ? null : 'zf1',
    sectionName: role === 'leader' ? null : '执法一处',
    branchSecretary: false,
  };
}

const REVIEW_KEYS = new Set(['leader-comment', 'review-monthly', 'review-quarterly', 'review-half-year', 'review-tasks', 'innovations', 'review-extras', 'extras-weights']);
const keys = (role: Role) => entriesFor(me(role)).map((e) => e.key).filter((k) => REVIEW_KEYS.has(k));

describe('home entries of the review meetings (月度总结会、季度监察考评会、半年考评打分、工作创新、附加项)', () => {
  it('a leader comments, and reads the meetings, innovations and extras', () => {
    expect(keys('leader')).toEqual(['leader-comment', 'review-monthly', 'review-quarterly', 'review-half-year', 'innovations', 'review-extras']);
  });
  it('the office runs the meetings, assesses innovations and sets the extras weights', () => {
    expect(keys('office')).toEqual(['review-monthly', 'review-quarterly', 'review-half-year', 'innovations', 'review-extras', 'extras-weights']);
  });
  it('a chief follows the section’s tasks, files innovations and sees what feeds the score', () => {
    expect(keys('chief')).toEqual(['review-tasks', 'innovations', 'review-extras']);
  });
  it('staff see the tasks given to them', () => {
    expect(keys('staff')).toEqual(['review-tasks']);
  });
  it('every entry opens a registered review page', () => {
    const urls = new Set<string>(Object.values(REVIEW_ROUTES));
    for (const role of ['leader', 'office', 'chief', 'staff'] as const) {
      for (const e of entriesFor(me(role)).filter((x) => REVIEW_KEYS.has(x.key))) expect(urls.has(e.url)).toBe(true);
    }
  });
});
