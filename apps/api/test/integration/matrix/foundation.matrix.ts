import { DEMO } from '../../support/test-app.js';
import { EVERYONE, STAFF, type MatrixEntries } from './types.js';

export default {
  'GET /api/health': { allow: 'public' },
  'GET /api/health/live': { allow: 'public' },
  'POST /api/auth/wechat': { allow: 'public' },
  'POST /api/auth/bind': { allow: 'bind' },
  'POST /api/auth/dev': { allow: 'public' },
  'GET /api/auth/dev/personas': { allow: 'public' },
  'POST /api/auth/citizen': { allow: 'public' },
  'POST /api/auth/citizen/wechat': { allow: 'public' },
  'POST /api/auth/refresh': { allow: 'public' },
  'POST /api/auth/logout': { allow: 'public' },
  'GET /api/me': { allow: EVERYONE },
  'GET /api/sections': { allow: STAFF },
  'POST /api/sections': { allow: ['office'] },
  'PATCH /api/sections/:id': { allow: ['office'], path: '/api/sections/zf1' },
  'GET /api/sections/:id/members': { allow: STAFF, path: '/api/sections/zf1/members' },
  'GET /api/people': { allow: STAFF },
  'POST /api/people': { allow: ['office'] },
  'GET /api/people/:id': { allow: STAFF, path: `/api/people/${DEMO.staffZf1}` },
  'PATCH /api/people/:id': { allow: ['office'], path: `/api/people/${DEMO.staffZf1}` },
  'GET /api/people/:id/memberships': { allow: STAFF, path: `/api/people/${DEMO.staffZf1}/memberships` },
  'POST /api/people/:id/memberships': { allow: ['office'], path: `/api/people/${DEMO.staffZf1}/memberships` },
  'POST /api/memberships/:id/end': { allow: ['office'], path: '/api/memberships/none/end' },
  'POST /api/people/:id/invite-codes': { allow: ['office'], path: `/api/people/${DEMO.staffZf1}/invite-codes` },
} satisfies MatrixEntries;
