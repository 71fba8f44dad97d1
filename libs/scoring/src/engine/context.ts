/**
 * Validates the common part of the input (year, sections, people, memberships, calendars) and indexes it:
 * who held which role in which section on which day.
 */
import { ScoringInputError } from '../errors';
import type { Scheme } from '../scheme/scheme-types';
import type { Position, ScoringInput, SectionCategory, SectionInput } from '../types';
import { parseDay, yearEnd, yearStart } from './dates';

export type Row = { [key: string]: unknown };

const POSITIONS: readonly string[] = ['chief', 'deputy', 'staff'];
const CATEGORIES: readonly string[] = ['business', 'party'];

export interface Span {
  sectionId: string;
  position: Position;
  from: number;
  to: number;
}

export interface Person {
  id: string;
  /** Input order. */
  index: number;
  /** As at year end. */
  sectionId: string;
  position: Position;
  branchSecretary: boolean;
  /** Effective-dated history; `null` when the input gives none (then sectionId/position hold all year). */
  spans: Span[] | null;
}

export interface Section {
  id: string;
  name: string;
  category?: SectionCategory;
  researchRequired: boolean;
}

interface RoleSpan {
  personId: string;
  position: Position;
  branchSecretary: boolean;
  from: number;
  to: number;
}

export type CascadeRole = 'chief' | 'deputy' | 'branchSecretary';

export interface Context {
  scheme: Scheme;
  year: number;
  yearStart: number;
  yearEnd: number;
  /**
   * False while the facts run only to a day before the year's last (`asOf`): the year-end checks (处务会 count,
   * research days and reports, branch activities) are not judged yet.
   */
  yearClosed: boolean;
  sections: Map<string, Section>;
  people: Map<string, Person>;
  peopleInOrder: Person[];
  holidays: Set<number>;
  workdays: Set<number>;
  /** Per section: everyone who was ever chief, deputy or branch secretary there, with the dates. */
  roleSpans: Map<string, RoleSpan[]>;
}

export function inputError(code: string, message: string, path?: string): ScoringInputError {
  return new ScoringInputError(code, message, path);
}

/** The elements of an optional list of objects, validated as objects. */
export function rows(input: ScoringInput, key: keyof ScoringInput): Row[] {
  const v: unknown = input[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw inputError('bad-input', `"${key}" must be an array`, `$.${key}`);
  for (let i = 0; i < v.length; i++) {
    const r: unknown = v[i];
    if (typeof r !== 'object' || r === null || Array.isArray(r)) {
      throw inputError('bad-input', `${key}[${i}] must be an object`, `$.${key}[${i}]`);
    }
  }
  return v as Row[];
}

export function reqString(r: Row, key: string, path: string): string {
  const v = r[key];
  if (typeof v !== 'string' || v === '') throw inputError('bad-input', `"${key}" must be a non-empty string`, `${path}.${key}`);
  return v;
}

export function reqDay(r: Row, key: string, path: string): number {
  const d = parseDay(r[key]);
  if (d === undefined) {
    throw inputError('bad-date', `bad date ${JSON.stringify(r[key] ?? null)}: expected an ISO date YYYY-MM-DD`, `${path}.${key}`);
  }
  return d;
}

export function reqNumber(r: Row, key: string, path: string, min: number, max: number): number {
  const v = r[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw inputError('bad-input', `"${key}" must be a number between ${min} and ${max}`, `${path}.${key}`);
  }
  return v;
}

export function reqPerson(ctx: Context, r: Row, key: string, path: string): Person {
  const id = reqString(r, key, path);
  const p = ctx.people.get(id);
  if (!p) throw inputError('unknown-person', `unknown person "${id}"`, `${path}.${key}`);
  return p;
}

function reqPosition(r: Row, path: string): Position {
  const v = r.position;
  if (typeof v !== 'string' || !POSITIONS.includes(v)) {
    throw inputError('bad-input', `"position" must be one of chief, deputy, staff`, `${path}.position`);
  }
  return v as Position;
}

function dayList(input: ScoringInput, key: 'holidays' | 'workdays'): Set<number> {
  const v: unknown = input[key];
  const out = new Set<number>();
  if (v === undefined || v === null) return out;
  if (!Array.isArray(v)) throw inputError('bad-input', `"${key}" must be an array of dates`, `$.${key}`);
  v.forEach((s: unknown, i: number) => {
    const d = parseDay(s);
    if (d === undefined) throw inputError('bad-date', `bad date ${JSON.stringify(s)}: expected YYYY-MM-DD`, `$.${key}[${i}]`);
    out.add(d);
  });
  return out;
}

export function buildContext(input: ScoringInput, scheme: Scheme): Context {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw inputError('bad-input', 'the input must be a JSON object', '$');
  }
  const year = input.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) {
    throw inputError('bad-input', '"year" must be a four-digit integer', '$.year');
  }

  const sections = new Map<string, Section>();
  rows(input, 'sections').forEach((r, i) => {
    const path = `$.sections[${i}]`;
    const id = reqString(r, 'id', path);
    if (sections.has(id)) throw inputError('duplicate-id', `duplicate section id "${id}"`, `${path}.id`);
    const s = r as Partial<SectionInput>;
    if (s.category !== undefined && !CATEGORIES.includes(s.category)) {
      throw inputError('bad-input', `"category" must be business or party`, `${path}.category`);
    }
    if (s.researchRequired !== undefined && typeof s.researchRequired !== 'boolean') {
      throw inputError('bad-input', `"researchRequired" must be true or false`, `${path}.researchRequired`);
    }
    sections.set(id, {
      id,
      name: typeof s.name === 'string' ? s.name : id,
      category: s.category,
      researchRequired: s.researchRequired === true,
    });
  });

  const people = new Map<string, Person>();
  const peopleInOrder: Person[] = [];
  const roleSpans = new Map<string, RoleSpan[]>();
  const addRoleSpan = (sectionId: string, span: RoleSpan): void => {
    if (span.position === 'staff' && !span.branchSecretary) return;
    let l = roleSpans.get(sectionId);
    if (!l) roleSpans.set(sectionId, (l = []));
    l.push(span);
  };
  rows(input, 'people').forEach((r, i) => {
    const path = `$.people[${i}]`;
    const id = reqString(r, 'id', path);
    if (people.has(id)) throw inputError('duplicate-id', `duplicate person id "${id}"`, `${path}.id`);
    const sectionId = r.sectionId;
    if (typeof sectionId !== 'string' || !sections.has(sectionId)) {
      throw inputError(
        'person-no-section',
        `person "${id}" is in no known section (sectionId ${JSON.stringify(sectionId ?? null)})`,
        `${path}.sectionId`,
      );
    }
    const position = reqPosition(r, path);
    if (r.branchSecretary !== undefined && typeof r.branchSecretary !== 'boolean') {
      throw inputError('bad-input', `"branchSecretary" must be true or false`, `${path}.branchSecretary`);
    }
    const branchSecretary = r.branchSecretary === true;
    let spans: Span[] | null = null;
    if (r.memberships !== undefined && r.memberships !== null) {
      if (!Array.isArray(r.memberships)) throw inputError('bad-input', `"memberships" must be an array`, `${path}.memberships`);
      spans = (r.memberships as unknown[]).map((m, j) => {
        const mp = `${path}.memberships[${j}]`;
        if (typeof m !== 'object' || m === null) throw inputError('bad-input', 'a membership must be an object', mp);
        const mr = m as Row;
        const sid = reqString(mr, 'sectionId', mp);
        if (!sections.has(sid)) throw inputError('person-no-section', `unknown section "${sid}"`, `${mp}.sectionId`);
        const from = reqDay(mr, 'from', mp);
        const to = mr.to === undefined || mr.to === null ? Infinity : reqDay(mr, 'to', mp);
        if (to < from) throw inputError('bad-date', `membership ends before it starts`, `${mp}.to`);
        return { sectionId: sid, position: reqPosition(mr, mp), from, to };
      });
      for (const s of spans) addRoleSpan(s.sectionId, { personId: id, position: s.position, branchSecretary, from: s.from, to: s.to });
    } else {
      addRoleSpan(sectionId, { personId: id, position, branchSecretary, from: -Infinity, to: Infinity });
    }
    const p: Person = { id, index: i, sectionId, position, branchSecretary, spans };
    people.set(id, p);
    peopleInOrder.push(p);
  });

  const yearClosed = input.asOf === undefined || reqDay(input as unknown as Row, 'asOf', '$') >= yearEnd(year);

  return {
    scheme,
    year,
    yearStart: yearStart(year),
    yearEnd: yearEnd(year),
    yearClosed,
    sections,
    people,
    peopleInOrder,
    holidays: dayList(input, 'holidays'),
    workdays: dayList(input, 'workdays'),
    roleSpans,
  };
}

/** The person's section and position on a day; `undefined` when the memberships cover no such day. */
export function membershipAt(p: Person, day: number): { sectionId: string; position: Position } | undefined {
  if (p.spans === null) return p;
  for (const s of p.spans) if (s.from <= day && day <= s.to) return s;
  return undefined;
}

/** Who held a cascade role in a section on a day (chief, each deputy, branch secretary), in input order. */
export function roleHolders(ctx: Context, sectionId: string, role: CascadeRole, day: number): string[] {
  const out: string[] = [];
  for (const s of ctx.roleSpans.get(sectionId) ?? []) {
    if (s.from > day || day > s.to) continue;
    const holds = role === 'branchSecretary' ? s.branchSecretary : s.position === role;
    if (holds && !out.includes(s.personId)) out.push(s.personId);
  }
  return out;
}

/** Working day: Monday–Friday not in `holidays`, or any date in `workdays` (调休). */
export function isWorkingDay(ctx: Context, day: number): boolean {
  if (ctx.workdays.has(day)) return true;
  const wd = (((day + 4) % 7) + 7) % 7;
  return wd !== 0 && wd !== 6 && !ctx.holidays.has(day);
}

export function inYear(ctx: Context, day: number): boolean {
  return day >= ctx.yearStart && day <= ctx.yearEnd;
}
