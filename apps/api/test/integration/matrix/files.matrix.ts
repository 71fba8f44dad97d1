import { EVERYONE, type MatrixEntries } from './types.js';

export default {
  'POST /api/files': { allow: EVERYONE },
  'GET /api/files/:id': { allow: EVERYONE, path: '/api/files/no-such-file' },
} satisfies MatrixEntries;
