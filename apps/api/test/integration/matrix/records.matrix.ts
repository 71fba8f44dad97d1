import { BUREAU, STAFF, type MatrixEntries } from './types.js';

export default {
  'POST /api/incidents': { allow: ['chief', 'office'] },
  'GET /api/incidents': { allow: STAFF },
  'GET /api/incidents/import-template': { allow: ['office'] },
  'POST /api/incidents/import': { allow: ['office'] },
  'GET /api/incidents/:id': { allow: STAFF, path: '/api/incidents/no-such-incident' },
  'GET /api/incidents/:id/files/:fileId': { allow: STAFF, path: '/api/incidents/no-such-incident/files/none' },
  'POST /api/incidents/:id/verify': { allow: ['office'], path: '/api/incidents/no-such-incident/verify' },
  'POST /api/incidents/:id/dismiss': { allow: ['office'], path: '/api/incidents/no-such-incident/dismiss' },
  'POST /api/incidents/:id/appeal': { allow: STAFF, path: '/api/incidents/no-such-incident/appeal' },
  'POST /api/incidents/:id/appeal-decision': { allow: ['office'], path: '/api/incidents/no-such-incident/appeal-decision' },
  'GET /api/inspections': { allow: BUREAU },
  'POST /api/inspections': { allow: ['office'] },
  'GET /api/ratings': { allow: ['chief', 'office'] },
  'PUT /api/ratings': { allow: ['chief', 'office'] },
  'GET /api/commendations': { allow: BUREAU },
  'POST /api/commendations': { allow: ['office'] },
  'GET /api/vetoes': { allow: BUREAU },
  'POST /api/vetoes': { allow: ['office'] },
} satisfies MatrixEntries;
