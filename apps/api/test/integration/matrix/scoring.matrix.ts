import { DEMO } from '../../support/test-app.js';
import { BUREAU, MANAGERS, STAFF, type MatrixEntries } from './types.js';

export default {
  'GET /api/scores': { allow: MANAGERS },
  'GET /api/scores/grades': { allow: BUREAU },
  'GET /api/scores/report': { allow: BUREAU },
  'POST /api/scores/report': { allow: BUREAU },
  'POST /api/scores/runs': { allow: ['office'] },
  'GET /api/scores/people/:id': { allow: STAFF, path: `/api/scores/people/${DEMO.staffZf1}` },
} satisfies MatrixEntries;
