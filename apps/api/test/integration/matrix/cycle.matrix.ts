import { BUREAU, type MatrixEntries } from './types.js';

export default {
  'GET /api/wubi-cycles': { allow: BUREAU },
  'GET /api/wubi-cycles/plan': { allow: BUREAU },
  'PUT /api/wubi-cycles/plan': { allow: ['office'] },
  'GET /api/wubi-cycles/participants': { allow: BUREAU },
} satisfies MatrixEntries;
