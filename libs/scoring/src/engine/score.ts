/** Facts in, per-person results out. Pure: no I/O, no clock. */
import type { Scheme } from '../scheme/scheme-types';
import type { ScoringInput, ScoringResult } from '../types';
import { buildContext } from './context';
import { scoreJiguan } from './jiguan';
import { scoreWubi } from './wubi';

/** Scores a case against an already loaded scheme (`loadScheme`). Throws `ScoringInputError` on invalid input. */
export function score(input: ScoringInput, scheme: Scheme): ScoringResult {
  const ctx = buildContext(input, scheme);
  const people = scheme.model === 'wubi' ? scoreWubi(ctx, input) : scoreJiguan(ctx, input);
  return { scheme: scheme.id, schemeVersion: scheme.version, year: ctx.year, people };
}
