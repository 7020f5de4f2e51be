/**
 * Building blocks for the JSON Schemas fortnight publishes (`--schema` on handover, problems and log;
 * README, "JSON schemas"). Every schema is strict, so a consumer can rely on it as a contract: objects
 * refuse keys they do not name, a date is a real calendar day, an instant is UTC and a chain head has
 * its one shape. Patterns carry the whole check so that a validator which does not assert `format`
 * refuses 2026-02-30 all the same; `format` is there for the ones that do.
 */
import {FormatRegistry, Type, type ObjectOptions, type TProperties, type TSchema} from '@sinclair/typebox';
import {isIsoDate} from './dates.js';

// A real Gregorian date: 31-day months, 30-day months, February to the 28th, and the 29th in leap
// years only (divisible by 4 and not by 100, or by 400).
const LEAP_YEAR = '(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';
export const DATE_PATTERN =
	'^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))|' +
	LEAP_YEAR +
	'-02-29)$';

/** A UTC instant as fortnight writes it (toISOString): 2026-11-30T09:00:00.000Z, milliseconds optional. */
export const INSTANT_PATTERN = '^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,3})?Z$';

/** "605:b93e...": the last chain entry's sequence and SHA-256, or "empty" for a store with no entries. */
export const CHAIN_HEAD_PATTERN = '^(?:empty|\\d+:[0-9a-f]{64})$';

// TypeBox's own checker (Value.Check, used by the tests and the store) asks the registry for formats.
if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', isIsoDate);
if (!FormatRegistry.Has('date-time'))
	FormatRegistry.Set('date-time', s => new RegExp(INSTANT_PATTERN).test(s) && isIsoDate(s.slice(0, 10)));

export const DateSchema = Type.String({pattern: DATE_PATTERN, format: 'date', description: 'YYYY-MM-DD'});
export const InstantSchema = Type.String({pattern: INSTANT_PATTERN, format: 'date-time'});
export const ChainHeadSchema = Type.String({pattern: CHAIN_HEAD_PATTERN});

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A schema with its description (TypeBox keeps unknown options, JSON Schema reads them). */
export const doc = <T extends TSchema>(description: string, t: T) => ({...t, description}) as T;

/** An object that refuses any key it does not name. */
export function StrictObject<T extends TProperties>(properties: T, options: ObjectOptions = {}) {
	return Type.Object(properties, {...options, additionalProperties: false});
}
