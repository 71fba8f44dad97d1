import { BUREAU, MANAGERS, STAFF, type MatrixEntries } from './types.js';

/** 三定职责, 效能制度, 会议检查评比报批, 处室衔接 (issue 10, part 4). */
export default {
  'GET /api/governance/duties': { allow: STAFF, path: '/api/governance/duties?sectionId=zf1' },
  'POST /api/governance/duties': { allow: ['chief', 'office'] },
  'POST /api/governance/duties/:id/decision': { allow: ['office'], path: '/api/governance/duties/none/decision' },
  'POST /api/governance/duties/:id/withdraw': { allow: ['chief', 'office'], path: '/api/governance/duties/none/withdraw' },
  'GET /api/governance/systems': { allow: STAFF, path: '/api/governance/systems?sectionId=zf1' },
  'GET /api/governance/systems/:id': { allow: STAFF, path: '/api/governance/systems/none' },
  'POST /api/governance/systems': { allow: ['chief', 'office'] },
  'POST /api/governance/system-versions/:id/decision': { allow: ['office'], path: '/api/governance/system-versions/none/decision' },
  'POST /api/governance/system-versions/:id/withdraw': { allow: ['chief', 'office'], path: '/api/governance/system-versions/none/withdraw' },
  'GET /api/governance/overview': { allow: BUREAU },
  'GET /api/governance/public/systems': { allow: 'public' },

  'GET /api/governance/applications': { allow: MANAGERS },
  'GET /api/governance/applications/overlaps': { allow: BUREAU },
  'POST /api/governance/applications': { allow: ['chief', 'office'] },
  'POST /api/governance/applications/merge': { allow: ['office'] },
  'GET /api/governance/applications/:id': { allow: MANAGERS, path: '/api/governance/applications/none' },
  'POST /api/governance/applications/:id/decision': { allow: ['office'], path: '/api/governance/applications/none/decision' },
  'POST /api/governance/applications/:id/withdraw': { allow: ['chief', 'office'], path: '/api/governance/applications/none/withdraw' },

  'GET /api/governance/coordination': { allow: STAFF },
  'GET /api/governance/coordination/:id': { allow: STAFF, path: '/api/governance/coordination/none' },
  'POST /api/governance/coordination': { allow: ['chief', 'office'] },
  'POST /api/governance/coordination/:id/acknowledge': { allow: ['chief', 'office'], path: '/api/governance/coordination/none/acknowledge' },
  'POST /api/governance/coordination/:id/complete': { allow: STAFF, path: '/api/governance/coordination/none/complete' },
  'POST /api/governance/coordination/:id/break': { allow: ['office'], path: '/api/governance/coordination/none/break' },
  'POST /api/governance/coordination/:id/clear': { allow: ['office'], path: '/api/governance/coordination/none/clear' },
} satisfies MatrixEntries;
