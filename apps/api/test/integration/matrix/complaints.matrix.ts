import { BUREAU, STAFF, type MatrixEntries } from './types.js';

const NONE = '00000000-0000-4000-8000-000000000000';

export default {
  'POST /api/complaints': { allow: 'public' },
  'GET /api/complaints/track/:code': { allow: 'public', path: '/api/complaints/track/ABCDEFGHJKMN' },
  'GET /api/complaints/sections': { allow: 'public' },
  'GET /api/complaints/mine': { allow: ['citizen'] },
  'GET /api/complaints': { allow: STAFF },
  'GET /api/complaints/about-me': { allow: STAFF },
  'GET /api/complaints/summary': { allow: BUREAU },
  'GET /api/complaints/summary/export': { allow: BUREAU },
  'POST /api/complaints/summary/export': { allow: BUREAU },
  'POST /api/complaints/manual': { allow: ['office'] },
  'POST /api/complaints/import': { allow: ['office'] },
  'GET /api/complaints/:id': { allow: STAFF, path: `/api/complaints/${NONE}` },
  'POST /api/complaints/:id/assign': { allow: ['office'], path: `/api/complaints/${NONE}/assign` },
  'POST /api/complaints/:id/investigate': { allow: ['office'], path: `/api/complaints/${NONE}/investigate` },
  'POST /api/complaints/:id/conclude': { allow: ['office'], path: `/api/complaints/${NONE}/conclude` },
  'POST /api/complaints/:id/reply': { allow: ['office'], path: `/api/complaints/${NONE}/reply` },
  'POST /api/complaints/:id/merge': { allow: ['office'], path: `/api/complaints/${NONE}/merge` },
  'GET /api/problems': { allow: STAFF },
  'GET /api/problems/stats': { allow: BUREAU },
  'POST /api/problems': { allow: ['office'] },
  'POST /api/problems/:id/solve': { allow: ['chief', 'office'], path: `/api/problems/${NONE}/solve` },
} satisfies MatrixEntries;
