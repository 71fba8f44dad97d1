import { BUREAU, MANAGERS, STAFF, type MatrixEntries } from './types.js';

/** 工作日记, 处务会/支部活动/全局大会/集体活动, 党费催缴, 调研, 述廉 (issue 7). */
export default {
  'POST /api/diary/entries': { allow: STAFF },
  'GET /api/diary/entries': { allow: STAFF },
  'GET /api/diary/entries/:id/versions': { allow: STAFF, path: '/api/diary/entries/none/versions' },
  'GET /api/diary/reminders': { allow: STAFF },
  'GET /api/diary/completeness': { allow: MANAGERS, path: '/api/diary/completeness?sectionId=zf1' },
  'POST /api/diary/reviews': { allow: ['chief', 'office'] },
  'GET /api/diary/spot-checks': { allow: BUREAU },
  'POST /api/diary/spot-checks': { allow: ['office'] },
  'POST /api/diary/spot-checks/:id/findings': { allow: ['office'], path: '/api/diary/spot-checks/none/findings' },

  'GET /api/meetings': { allow: STAFF, path: '/api/meetings?kind=bureau' },
  'POST /api/meetings': { allow: STAFF },
  'GET /api/meetings/spot-checks': { allow: BUREAU },
  'POST /api/meetings/spot-checks': { allow: ['office'] },
  'GET /api/meetings/:id': { allow: STAFF, path: '/api/meetings/none' },
  'PATCH /api/meetings/:id': { allow: STAFF, path: '/api/meetings/none' },
  'GET /api/branch/dues': { allow: STAFF },
  'POST /api/branch/dues': { allow: ['staff', 'chief', 'office'] },
  'GET /api/research': { allow: STAFF, path: '/api/research?sectionId=zf1' },
  'POST /api/research/days': { allow: STAFF },
  'POST /api/research/reports': { allow: STAFF },
  'GET /api/ledgers/facts': { allow: BUREAU },

  'GET /api/integrity/mine': { allow: ['staff', 'chief', 'office'] },
  'POST /api/integrity/reports': { allow: ['staff', 'chief', 'office'] },
  'GET /api/integrity/reports': { allow: ['office'] },
  'POST /api/integrity/reports/:id/review': { allow: ['office'], path: '/api/integrity/reports/none/review' },
  'GET /api/integrity/files/:id': { allow: ['staff', 'chief', 'office'], path: '/api/integrity/files/me' },
} satisfies MatrixEntries;
