import { STAFF, type MatrixEntries } from './types.js';

export default {
  'GET /api/notices': { allow: STAFF },
  'POST /api/notices/:id/read': { allow: STAFF, path: '/api/notices/no-such-notice/read' },
} satisfies MatrixEntries;
