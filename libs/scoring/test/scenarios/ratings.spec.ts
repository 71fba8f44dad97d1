/**
 * Named scenarios for JI-1: 6人及以上的处（室）限评“优秀”等次1人；处长、副处长由领导小组考核评定，副处长以下干部由处长考核评定等次
 * (六.(四).1). The quota applies to the ratings the chief gives (staff); the document gives no points.
 */
import { ScoringInputError } from '../../src';
import { bureau, person, run } from '../helpers';

const sixPeople = () => {
  const b = bureau();
  b.people = [...b.people!, { id: 's4', sectionId: 'zf1', position: 'staff' }]; // zf1: c1 d1 d2 s1 s2 s4 = 6 people
  return b;
};

describe('JI-1 quota', () => {
  it('two 优秀 among the staff of a 6-person section is rejected, naming the section', () => {
    const b = sixPeople();
    b.ratings = [{ personId: 's1', rating: '优秀' }, { personId: 's4', rating: '优秀' }];
    expect(() => run(b)).toThrow(ScoringInputError);
    expect(() => run(b)).toThrow(/执法一处（zf1）.*quota breach: section zf1/);
  });

  it('one staff 优秀 plus the chief and a deputy rated 优秀 by the leading group is accepted; no points move', () => {
    const b = sixPeople();
    b.ratings = [
      { personId: 's1', rating: '优秀' },
      { personId: 'c1', rating: '优秀' },
      { personId: 'd1', rating: '优秀' },
      { personId: 's4', rating: '良好' },
    ];
    const r = run(b);
    expect(person(r, 's1').dimensions.ji).toEqual({ base: 100, score: 100, items: [] });
  });

  it('a section of 5 people may have two 优秀', () => {
    const b = bureau({ ratings: [{ personId: 's1', rating: '优秀' }, { personId: 's2', rating: '优秀' }] });
    expect(() => run(b)).not.toThrow();
  });

  it('an unknown rating level is an input error', () => {
    expect(() => run(bureau({ ratings: [{ personId: 's1', rating: '很好' }] }))).toThrow(/unknown rating/);
  });
});
