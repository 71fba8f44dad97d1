import type { MatrixEntries } from './types.js';

export default {
  'GET /api/audit': { allow: ['office'] },
} satisfies MatrixEntries;
