/** Officers and absences: names for messages, who is away on a date, who covers. */
import type {IsoDate} from './dates.js';
import type {Absence, Officer, Settings, StoreData} from './model.js';

/** "DC Ashworth": how officers are named in messages and narrow columns. */
export function shortName(o: Officer | undefined): string {
	if (!o) return 'unknown officer';
	const last = o.name.trim().split(/\s+/).at(-1) ?? o.name;
	return `${o.rank} ${last}`;
}

/** "DC Sam Ashworth". */
export function fullName(o: Officer | undefined): string {
	return o ? `${o.rank} ${o.name}` : 'unknown officer';
}

export function officerIndex(data: StoreData): Map<string, Officer> {
	return new Map(data.officers.map(o => [o.id, o]));
}

export function fte(o: Officer, settings: Settings): number {
	return o.hoursPerWeek / settings.fullTimeHours;
}

/** True when `a` covers `date` (an open-ended absence covers every day from its start). */
export function absenceCovers(a: Absence, date: IsoDate): boolean {
	return a.from <= date && (a.to === null || date <= a.to);
}

/** The absence that has `officerId` away on `date`, if any. */
export function absenceOn(absences: readonly Absence[], officerId: string, date: IsoDate): Absence | undefined {
	return absences.find(a => a.officerId === officerId && absenceCovers(a, date));
}

/** Absences by officer, for rules that look up many dates. */
export function absencesByOfficer(absences: readonly Absence[]): Map<string, Absence[]> {
	const m = new Map<string, Absence[]>();
	for (const a of absences) {
		const list = m.get(a.officerId);
		if (list) list.push(a);
		else m.set(a.officerId, [a]);
	}
	return m;
}

export const ABSENCE_WORDS: Record<Absence['reason'], string> = {
	sick: 'on sick leave',
	'annual-leave': 'on annual leave',
	training: 'on training',
	'restricted-duties': 'on restricted duties',
	other: 'away',
};
