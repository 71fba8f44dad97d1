import { BUREAU, STAFF, type MatrixEntries } from './types.js';

export default {
  'GET /api/order-checks/sheet': { allow: STAFF },
  'GET /api/order-checks/rounds': { allow: BUREAU },
  'POST /api/order-checks/rounds': { allow: ['office'] },
  'GET /api/order-checks/rounds/:id': { allow: BUREAU, path: '/api/order-checks/rounds/no-such-round' },
  'POST /api/order-checks/rounds/:id/close': { allow: ['office'], path: '/api/order-checks/rounds/no-such-round/close' },
  // staff and chief of 执法一处 ask for their own section's sheet
  'GET /api/order-checks/rounds/:id/sheets/:sectionId': { allow: STAFF, path: '/api/order-checks/rounds/no-such-round/sheets/zf1' },
  'PUT /api/order-checks/rounds/:id/sheets/:sectionId': { allow: ['office'], path: '/api/order-checks/rounds/no-such-round/sheets/zf1' },
  'GET /api/order-checks/ranking': { allow: BUREAU },
  'GET /api/order-checks/mine': { allow: STAFF },
} satisfies MatrixEntries;
