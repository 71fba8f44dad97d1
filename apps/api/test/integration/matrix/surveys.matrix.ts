import { BUREAU, STAFF, type MatrixEntries } from './types.js';

const SURVEY = '00000000-0000-4000-8000-00000000a001';
const CAMPAIGN = '00000000-0000-4000-8000-00000000d001';

export default {
  'POST /api/surveys': { allow: ['office'] },
  'GET /api/surveys': { allow: BUREAU },
  'GET /api/surveys/:id': { allow: BUREAU, path: `/api/surveys/${SURVEY}` },
  'GET /api/surveys/:id/qr-link': { allow: ['office'], path: `/api/surveys/${SURVEY}/qr-link?sectionId=jdk` },
  'GET /api/surveys/:id/qr': { allow: ['office'], path: `/api/surveys/${SURVEY}/qr?sectionId=jdk` },
  'GET /api/surveys/:id/qr-sheet': { allow: ['office'], path: `/api/surveys/${SURVEY}/qr-sheet?sectionId=jdk` },
  'POST /api/surveys/:id/invitations': { allow: ['office'], path: `/api/surveys/${SURVEY}/invitations` },
  'POST /api/surveys/:id/invitations/import': { allow: ['office'], path: `/api/surveys/${SURVEY}/invitations/import` },
  'GET /api/surveys/:id/invitations': { allow: ['office'], path: `/api/surveys/${SURVEY}/invitations` },
  'GET /api/surveys/:id/results': { allow: BUREAU, path: `/api/surveys/${SURVEY}/results` },
  'GET /api/survey-responses/flagged': { allow: ['office'] },
  'POST /api/survey-responses/:id/review': { allow: ['office'], path: '/api/survey-responses/none/review' },
  'POST /api/survey-invitations/:id/reissue': { allow: ['office'], path: '/api/survey-invitations/none/reissue' },
  'GET /api/survey-forms': { allow: 'public', path: '/api/survey-forms?t=not-a-valid-token' },
  'POST /api/survey-forms/responses': { allow: 'public' },
  'POST /api/survey-invitations/open': { allow: 'public' },
  'GET /api/survey-invitations/me': { allow: ['representative'] },
  'POST /api/survey-invitations/me/responses': { allow: 'public' },
  'POST /api/democratic/campaigns': { allow: ['office'] },
  'GET /api/democratic/campaigns': { allow: BUREAU },
  'GET /api/democratic/campaigns/:id/results': { allow: BUREAU, path: `/api/democratic/campaigns/${CAMPAIGN}/results` },
  'GET /api/democratic/tasks': { allow: STAFF },
  'POST /api/democratic/scores': { allow: STAFF },
} satisfies MatrixEntries;
