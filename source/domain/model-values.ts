/**
 * The store model's plain values (no schemas), for code that needs them at run time without loading
 * TypeBox: the rules, the loader's migration and `problems --json` read these, and TypeBox's hundreds of
 * modules were a tenth of that command's time at 5,000 cases (issue 18). model.ts re-exports them and
 * builds its schemas from them, so the two cannot disagree.
 */
import type {AbsenceReason, CaseStatus, Risk} from './model.js';

/** Longest text any one field may hold; a larger field is refused on load rather than slowing the desk. */
export const MAX_TEXT = 20_000;

export const RISKS: readonly Risk[] = ['high', 'medium', 'low'];

export const RANKS = ['DC', 'TDC', 'PC', 'DS', 'TDS', 'DI', 'DCI', 'Staff'] as const;

/** The store's schema version (model.ts StoreSchema; migrate.ts brings older stores up to it). */
export const SCHEMA_VERSION = 4;

export const ABSENCE_REASONS: readonly AbsenceReason[] = ['sick', 'annual-leave', 'training', 'restricted-duties', 'other'];

/** Statuses in which a case still needs 14-day supervision. */
export const LIVE_STATUSES: readonly CaseStatus[] = ['investigation', 'awaiting-forensics', 'with-cps', 'charged', 'court'];
