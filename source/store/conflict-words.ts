/**
 * The words a clash message (conflict.ts) uses for what another user changed and for who they were. The
 * sentence is read by a sergeant at the desk or the command line, so a record's fields are said as what
 * they mean ("who holds it"), never as the store's names ("oicId"), and a person by name, never by id
 * (QA 6 R19, D4).
 */
import type {Officer, StoreData} from '../domain/model.js';
import {shortName} from '../domain/people.js';
import {safeText} from '../domain/safe-text.js';

type AnyRecord = Record<string, unknown>;

/** Each collection's fields in words, keyed by the collection's store key. */
const FIELD_WORDS: Record<string, Record<string, string>> = {
	cases: {
		offence: 'its offence',
		offenceShort: 'its offence',
		risk: 'its risk',
		riskHistory: 'its risk history',
		status: 'its status',
		oicId: 'who holds it',
		allocations: 'its history of who held it',
		allocatedOn: 'when it was allocated',
		opened: 'when it was opened',
		closedOn: 'when it was closed',
		arrestDate: 'its arrest date',
		bail: 'its bail',
		bailEvents: 'its bail history',
		rui: 'its release under investigation',
		victim: 'its victim updates',
		updates: 'its crime-report updates',
		forensics: 'its forensic submissions',
		cps: 'its CPS file',
		materialLocations: 'where its material is kept',
		actions: 'its actions',
		nextReviewDue: 'its next review date',
	},
	officers: {
		name: 'their name',
		rank: 'their rank',
		collarNumber: 'their collar number',
		role: 'their role',
		hoursPerWeek: 'their hours',
		joinedUnit: 'when they joined the unit',
		leftUnit: 'when they left the unit',
		imageExposed: 'their exposure to images',
		mentorId: 'their mentor',
		supervisorId: 'their supervisor',
		login: 'their login',
	},
	absences: {
		officerId: 'whose absence it is',
		from: 'its first day',
		to: 'its last day',
		reason: 'its reason',
		coverOfficerId: 'its cover',
		partOf: 'the absence it is part of',
	},
	welfareEvents: {date: 'its date', kind: 'its kind', flags: 'its flags'},
	concerns: {date: 'its date', text: 'its text', caseRef: 'its case'},
	actionPlans: {
		started: 'its start',
		expires: 'its end date',
		reviewDate: 'its review date',
		endedOn: 'when it ended',
	},
	drafts: {answers: 'its answers', step: 'its step'},
};

/** "oicId" -> "who holds it"; a field with no words here (one a newer fortnight added) is said as "its details". */
export function fieldWords(collection: string, fields: readonly string[]): string {
	const words = fields.map(f => FIELD_WORDS[collection]?.[f] ?? 'its details');
	const unique = [...new Set(words)];
	return unique.length <= 1 ? (unique[0] ?? 'its details') : `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

/** An officer by name ("DS Brennan"), from the data as the other user left it, or null when not found. */
export function officerName(data: StoreData, id: unknown): string | null {
	if (typeof id !== 'string') return null;
	const officer: Officer | undefined = data.officers.find(o => o.id === id);
	return officer ? safeText(shortName(officer)) : null;
}

const AUTHOR_FIELDS = ['by', 'recordedBy', 'authorId'] as const;
const authorOf = (r: unknown): string | null => {
	if (!r || typeof r !== 'object') return null;
	// An imported crime-report update's authorId is whose case it was, not who imported it (domain/update-author.ts).
	if ((r as AnyRecord)['source'] === 'import') return null;
	for (const f of AUTHOR_FIELDS) {
		const v = (r as AnyRecord)[f];
		if (typeof v === 'string') return v;
	}
	return null;
};

/**
 * Who made the other user's change, as far as the record says: the author of the newest item they added
 * to one of its lists (a move's allocation, an action's event, a risk change), else the record's own
 * author (an absence's recordedBy, a welfare event's by). Null when the record does not say: the message
 * then says "another user", not a guess.
 */
export function changedBy(fields: Map<string, {before: unknown; after: unknown}>, after: AnyRecord | undefined): string | null {
	for (const {before, after: now} of fields.values()) {
		if (!Array.isArray(now)) continue;
		const old = Array.isArray(before) ? before.length : 0;
		for (let i = now.length - 1; i >= old; i--) {
			const who = authorOf(now[i]);
			if (who) return who;
		}
	}
	return after ? authorOf(after) : null;
}
