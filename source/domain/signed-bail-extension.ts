/**
 * A case's bail period end as its signed records set it (REVIEW-9 D6, bail; README "Signed records"):
 * the period end of its last signed extension (a `record` entry of a bail event `extended`, made by
 * `fortnight bail record`, bail-record.ts). Every extension made since record entries began is signed, and
 * nothing else sets one (an import replaces the bail whole, with none: import/plan.ts), so a case record
 * whose last extension ends later than that was changed outside fortnight, and the lapse clock would run
 * late. The return date and the bail's end are not judged so: an import sets return dates and ends bail
 * (RUI) from the records system without a bail event, so a later one is no proof of an edit.
 *
 * Read by the rules (the working set keeps every record entry: chain-working-set.ts) and `verify`
 * (record-check.ts), so both give the same answer.
 */
import type {IsoDate} from './dates.js';
import type {Bail, ChainEntry} from './model.js';

/** The period end a case's last signed extension set, and its entry. */
export interface SignedExtension {
	periodEnd: IsoDate;
	seq: number;
}

/** Each case's last signed extension, by crime reference, from chain entries in chain order. */
export function lastSignedExtensions(chain: Iterable<ChainEntry>): Map<string, SignedExtension> {
	const out = new Map<string, SignedExtension>();
	for (const e of chain) {
		if (e.kind !== 'record' || e.data.record !== 'bail-event') continue;
		const event = e.data.event;
		if (event.event === 'extended' && event.periodEnd !== null) out.set(e.data.caseRef, {periodEnd: event.periodEnd, seq: e.seq});
	}
	return out;
}

/** The case's last extension's period end when it is later than the signed one (the unsafe way), else null. */
export function bailPeriodMovedLater(bail: Bail | null, signed: SignedExtension | undefined): IsoDate | null {
	const stored = bail?.extensions.at(-1)?.periodEnd;
	return stored !== undefined && signed !== undefined && stored > signed.periodEnd ? stored : null;
}

/** The bail as the rules read it: the last extension's period end the signed one when it was moved later. */
export function bailAsSigned(bail: Bail | null, signed: SignedExtension | undefined): Bail | null {
	if (!bail || bailPeriodMovedLater(bail, signed) === null) return bail;
	const extensions = bail.extensions.map((x, i) => (i === bail.extensions.length - 1 ? {...x, periodEnd: signed!.periodEnd} : x));
	return {...bail, extensions};
}
