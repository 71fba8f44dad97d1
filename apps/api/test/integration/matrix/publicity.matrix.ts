import { MANAGERS, type MatrixEntries } from './types.js';

const NONE = '00000000-0000-4000-8000-000000000000';
// 执法一处 (the matrix chief's own section) does not take part in 五比五评: in scope, answered 404, never refused
const BOARD = '/api/publicity/boards/zf1/2026';

export default {
  'GET /api/publicity/sections': { allow: 'public' },
  'GET /api/publicity/sections/:sectionId': { allow: 'public', path: '/api/publicity/sections/jdk' },
  'GET /api/publicity/open-days/:id': { allow: 'public', path: `/api/publicity/open-days/${NONE}` },
  'POST /api/publicity/open-days/:id/registrations': { allow: 'public', path: `/api/publicity/open-days/${NONE}/registrations` },
  'POST /api/publicity/registrations/lookup': { allow: 'public' },
  'GET /api/publicity/boards': { allow: MANAGERS },
  'GET /api/publicity/boards/:sectionId/:year': { allow: MANAGERS, path: BOARD },
  // the office passes the guard and is refused by the service (only the section's chief or deputy edits): see the spec
  'PUT /api/publicity/boards/:sectionId/:year': { allow: ['chief', 'office'], path: BOARD },
  'POST /api/publicity/boards/:sectionId/:year/submit': { allow: ['chief', 'office'], path: `${BOARD}/submit` },
  'POST /api/publicity/boards/:sectionId/:year/approve': { allow: ['office'], path: `${BOARD}/approve` },
  'POST /api/publicity/boards/:sectionId/:year/return': { allow: ['office'], path: `${BOARD}/return` },
  'GET /api/publicity/admin/open-days': { allow: MANAGERS },
  'POST /api/publicity/admin/open-days': { allow: ['office'] },
  'GET /api/publicity/admin/open-days/:id': { allow: MANAGERS, path: `/api/publicity/admin/open-days/${NONE}` },
  'PATCH /api/publicity/admin/open-days/:id': { allow: ['office'], path: `/api/publicity/admin/open-days/${NONE}` },
  'GET /api/publicity/admin/open-days/:id/registrations': { allow: MANAGERS, path: `/api/publicity/admin/open-days/${NONE}/registrations` },
  'GET /api/publicity/admin/open-days/:id/codes/:code': { allow: ['office'], path: `/api/publicity/admin/open-days/${NONE}/codes/ABCDEFGH` },
  'POST /api/publicity/admin/open-days/:id/check-ins': { allow: ['office'], path: `/api/publicity/admin/open-days/${NONE}/check-ins` },
} satisfies MatrixEntries;
