import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadScheme, type Scheme } from '@kaoping/scoring';
import type { SchemeId } from '@kaoping/contracts';
import { REPO_ROOT } from '../config/paths.js';

const cache = new Map<string, Scheme>();

/** The bureau's scheme (seeds/schemes/<id>.json), validated once. */
export function schemeById(id: SchemeId): Scheme {
  let s = cache.get(id);
  if (!s) {
    s = loadScheme(JSON.parse(readFileSync(resolve(REPO_ROOT, 'seeds/schemes', `${id}.json`), 'utf8')));
    cache.set(id, s);
  }
  return s;
}
