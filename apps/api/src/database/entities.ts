import { Citizen } from '../auth/citizen.entity.js';
import { InviteCode } from '../auth/invite-code.entity.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { Membership } from '../org/membership.entity.js';
import { Person } from '../org/person.entity.js';
import { Section } from '../org/section.entity.js';

/** Every entity, listed explicitly (no globs) so tsc output, Jest and the CLI agree. */
export const ENTITIES = [Section, Person, Membership, InviteCode, Citizen, StoredFile];
