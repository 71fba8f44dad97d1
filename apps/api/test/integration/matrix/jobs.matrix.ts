import { STAFF, type MatrixEntries } from './types.js';

// a job is readable by its requester and the office only: others get 404 (not a refusal), checked in jobs.spec.ts
export default {
  'GET /api/jobs': { allow: STAFF },
  'GET /api/jobs/:id': { allow: STAFF, path: '/api/jobs/no-such-job' },
  'GET /api/jobs/:id/download': { allow: STAFF, path: '/api/jobs/no-such-job/download' },
} satisfies MatrixEntries;
