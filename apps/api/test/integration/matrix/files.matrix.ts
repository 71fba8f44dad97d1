import { EVERYONE, type MatrixEntries } from './types.js';

export default {
  'POST /api/files': { allow: EVERYONE },
  'GET /api/files/:id': { allow: EVERYONE, path: '/api/files/no-such-file' },
  'GET /api/files/:id/content': { allow: 'public', path: '/api/files/no-such-file/content?exp=1&sig=xxxxxxxxxxxxxxxxxxxxxxxx' },
} satisfies MatrixEntries;
