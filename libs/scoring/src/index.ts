/**
 * @kaoping/scoring — the pure scoring engine for schemes `jiguan` and `wubi`: facts in, explainable scores out.
 * No I/O, no clock, no framework. Shared by the API's scoring module and the mini-program.
 */
export type {
  AttendanceInput,
  BranchActivityInput,
  CommendationInput,
  ComplaintInput,
  DemocraticGroup,
  DemocraticInput,
  DimensionResult,
  EvaluationGroup,
  EvaluationInput,
  EventInput,
  ExtraInput,
  InspectionInput,
  InspectionKind,
  LeaveInput,
  LeaveType,
  MeetingInput,
  MembershipInput,
  PersonInput,
  PersonResult,
  Position,
  RatingInput,
  ResearchInput,
  ResearchReportInput,
  ScoreItem,
  ScoringInput,
  ScoringResult,
  SectionCategory,
  SectionInput,
  VetoInput,
} from './types';
export type {
  DimensionDef,
  ExtraComponent,
  GradeDef,
  Role,
  RolePoints,
  RuleKind,
  Scheme,
  SchemeInput,
  SchemeModel,
  SchemeRule,
} from './scheme/scheme-types';
export { ROLES } from './scheme/scheme-types';
export { SchemeError, ScoringInputError } from './errors';
export { loadScheme } from './scheme/load-scheme';
export { score } from './engine/score';
export { FLOOR_RULE } from './engine/ledger';
export { listRules, previewRuleCost, formatCost, type RuleSummary, type CostLine } from './explain/rules';
export { explainFlag } from './explain/flags';
