/**
 * What the amendment screen asks for, carried out without React (amend-screen.tsx renders): a dry run of
 * domain's amendReview on the latest data (the same checks as recording it), and the recording itself,
 * one DeskStore.apply that appends the amendment entry. Each answers with the action for amend-state.ts.
 */
import type {IsoDate} from '../../domain/dates.js';
import {amendReview, ReviewError} from '../../domain/review/index.js';
import {mayReview} from '../../domain/permissions.js';
import {actorSigner, actorSigningRefusal, type DeskActor} from '../desk/desk-actor.js';
import {readOnlyRefusal} from './open-review.js';
import type {DeskStore} from '../desk-store/desk-store.js';
import type {AmendAction, AmendUiState} from './amend-state.js';

export interface AmendContext {
	store: DeskStore;
	today: IsoDate;
	actor: DeskActor;
	now: () => Date;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

const amend = (st: AmendUiState, c: AmendContext) => (d: ReturnType<DeskStore['snapshot']>) =>
	amendReview(d, st.entry.seq, {[st.target!]: st.value}, st.reason, {
		today: c.today,
		signedAt: c.now().toISOString(),
		by: c.actor.officerId,
		sign: actorSigner(c.actor, d),
	});

/**
 * Why the amendment is not opened, or null: only someone who may review the case amends its review, and
 * no one a case they hold (a cover is told who does it instead); nor is one opened that could not be
 * saved or signed.
 */
export function amendRefusal(c: AmendContext, caseRef: string): string | null {
	const latest = c.store.snapshot();
	const may = mayReview(latest, c.actor.officerId, caseRef, c.today);
	return (
		readOnlyRefusal(c.store, 'amendment') ?? (may.ok ? null : may.reason) ?? actorSigningRefusal(c.actor, latest, 'amendment', c.today)
	);
}

/** The dry run: the reasons the amendment would be refused, under their fields, or none. */
export function checkAmendment(st: AmendUiState, c: AmendContext): AmendAction {
	try {
		amend(st, c)(c.store.snapshot());
		return {type: 'checked', errors: []};
	} catch (err) {
		if (err instanceof ReviewError && err.errors.length > 0) return {type: 'checked', errors: err.errors};
		return {type: 'failed', message: `Cannot be recorded: ${messageOf(err)}`};
	}
}

/** Records the amendment; the DeskStore publishes the new snapshot to the desk. */
export async function recordAmendment(st: AmendUiState, c: AmendContext): Promise<AmendAction> {
	if (c.store.cannotWrite()) return {type: 'failed', message: 'The store is read-only or not open: nothing was recorded.'};
	let seq = -1;
	try {
		await c.store.apply(d => {
			const r = amend(st, c)(d);
			seq = r.amendment.seq;
			return r.next;
		});
		return {type: 'signed', seq};
	} catch (err) {
		return {type: 'failed', message: `Not recorded: ${messageOf(err)}`, errors: err instanceof ReviewError ? err.errors : []};
	}
}
