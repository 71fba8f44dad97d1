import type { Persona } from '@kaoping/contracts';
import { roleLabel } from '../../utils/labels';

export interface PersonaGroup {
  section: string;
  personas: Persona[];
}

export const NO_SECTION = '局领导及其他';

/** Case-insensitive match on name, title, section and role label. */
export function matchesPersona(p: Persona, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [p.name, p.title, p.sectionName ?? '', roleLabel(p.role)].some((s) => s.toLowerCase().includes(q));
}

/** Personas grouped by section, sections in the order they first appear, people in API order. */
export function groupPersonas(personas: Persona[], query = ''): PersonaGroup[] {
  const groups = new Map<string, Persona[]>();
  for (const p of personas) {
    if (!matchesPersona(p, query)) continue;
    const key = p.sectionName ?? NO_SECTION;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  return [...groups.entries()].map(([section, list]) => ({ section, personas: list }));
}
