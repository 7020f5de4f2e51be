/**
 * An officer's own problems, as that officer reads them (README "Acting on a problem": a printed command
 * runs as whoever reads it, and where that person may not do it, it names who can with `--as`). The rules
 * print each way for the problem's usual reader, the officer's supervisor (printed-as.ts); an officer
 * reading their own list (`fortnight problems --as Iqbal`, their desk) may take few of them: not the review
 * of their own case, its bail, its move, their own welfare record, nor the cover for their sergeant (QA 4
 * R-l). Each such way is marked as someone else's: its command names who can with `--as`, its label says
 * "for DS Brennan to do", and its desk key is dropped (the desk does not offer it to them: ui/contexts/desk.ts).
 */
import {isLive} from './case-facts.js';
import type {IsoDate} from './dates.js';
import {nextUpFor} from './independence.js';
import type {Officer, StoreData} from './model.js';
import {absenceLookup, awayOn, shortName} from './people.js';
import {
	lineManagerOf,
	mayActOnAbsence,
	mayDecideTrigger,
	mayReallocate,
	mayRecordBail,
	mayRecordWelfare,
	mayReview,
	type Permission,
} from './permissions.js';
import type {Problem} from './problem.js';
import {officerWord, type Resolve} from './resolve.js';
import {safeText} from './safe-text.js';

/** May `actorId` take `way` for `p` today, as its command would check; null when nothing is checked (an import, the team's structure). */
function mayTake(data: StoreData, today: IsoDate, p: Problem, way: Resolve, actorId: string): Permission | null {
	const officerId = p.subject.officerId;
	const ref = p.subject.type === 'case' ? p.subject.ref : data.cases.find(c => c.oicId === officerId && isLive(c))?.ref;
	switch (way.way) {
		case 'review':
			return ref ? mayReview(data, actorId, ref, today) : null;
		case 'performance-decision':
			return mayDecideTrigger(data, actorId, officerId, today, false);
		case 'reallocate':
			return ref ? mayReallocate(data, actorId, ref, null, today) : null;
		case 'bail-record':
			return ref ? mayRecordBail(data, actorId, ref, today) : null;
		case 'welfare-record':
			return mayRecordWelfare(data, actorId, officerId, today);
		case 'absence-change': {
			const id = / absence change (\S+)/.exec(way.command ?? '')?.[1];
			return id ? mayActOnAbsence(data, actorId, 'change', id, today) : null;
		}
		default:
			return null;
	}
}

/**
 * Who supervises `officerId` today, then who is above: their line manager, or the cover acting for that
 * manager today (the person above when nobody covers), then the next person up. The first who may take
 * the way is named.
 */
function supervisorsOf(data: StoreData, officerId: string, today: IsoDate): Officer[] {
	const manager = lineManagerOf(data, officerId);
	if (!manager) return [];
	const away = awayOn(absenceLookup(data.absences), manager.id, today);
	const cover = away?.coverId && away.coverId !== officerId ? data.officers.find(o => o.id === away.coverId) : undefined;
	const up = nextUpFor(data, manager.id);
	return [away ? cover : manager, up, manager].filter((o): o is Officer => o !== undefined && o.id !== officerId);
}

/**
 * `p`'s ways as `readerId` may take them on `today`: an officer reading their own problems, or a supervisor
 * reading a problem's detail on the desk (ui/problem-detail/problem-lines.ts), where a key is offered only to
 * whoever may use it (README "Hints, help and the palette offer only what you may do").
 */
export function waysForOfficer(data: StoreData, today: IsoDate, readerId: string, p: Problem): Problem {
	if (!p.resolve || p.resolve.length === 0) return p;
	let changed = false;
	const resolve = p.resolve.map(way => {
		const may = mayTake(data, today, p, way, readerId)?.ok !== false;
		// A way printed for someone else already (its command has --as, its label names them: printed-as.ts)
		// keeps its words; only its desk key goes when the reader may not take it (QA 8 R1: the sergeant's own
		// check-in offered him `w`, which was then refused).
		if (way.command?.includes(' --as ')) {
			if (may || !way.desk) return way;
			changed = true;
			return {...way, desk: null};
		}
		if (may) return way;
		const who = supervisorsOf(data, readerId, today).find(o => mayTake(data, today, p, way, o.id)?.ok === true);
		changed = true;
		const whose = who ? safeText(shortName(who)) : 'your supervisor';
		return {
			...way,
			label: `${way.label} (for ${whose} to do)`,
			desk: null,
			command: way.command && who ? `${way.command} --as ${officerWord(data.officers, who.id)}` : way.command,
		};
	});
	return changed ? {...p, resolve} : p;
}
