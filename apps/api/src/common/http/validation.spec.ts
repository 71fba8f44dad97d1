import { ArrayUnique, IsISO8601, IsString, Length, validateSync } from 'class-validator';
import { flatten } from './validation.js';

class Sample {
  @IsString() @Length(2, 20) name!: string;
  @IsISO8601() at!: string;
  @ArrayUnique() tags!: string[];
}

describe('validation messages', () => {
  it('are Chinese for @Length, @IsISO8601 and @ArrayUnique, field first', () => {
    const s = Object.assign(new Sample(), { name: 'a', at: 'yesterday', tags: ['x', 'x'] });
    const flat = flatten(validateSync(s));
    expect(flat).toEqual([
      { field: 'name', message: 'name 长度不符合要求' },
      { field: 'at', message: 'at 必须是有效时间（ISO 8601）' },
      { field: 'tags', message: 'tags 不能有重复项' },
    ]);
  });

  it('never pass class-validator English through (no "must" text) for any constraint', () => {
    class Other {
      @Length(1, 2) code!: string;
    }
    const flat = flatten(validateSync(Object.assign(new Other(), { code: 'xyz' })));
    expect(flat.map((f) => f.message).join(' ')).not.toMatch(/must|should/);
  });
});
