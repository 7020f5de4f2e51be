/**
 * Carries out one effect the desk's reducer asked for (desk-effect.ts) and answers with the actions that
 * say how it went: a write's answer for its form, a notice for the status bar. The only place the desk's
 * keys reach a file; use-desk-effects.ts runs the queue through it, one effect at a time.
 */
import {lastReviewsAndHead, seqsAndHead} from '../../domain/shown-entries.js';
import type {DeskAction} from '../desk/desk-actions.js';
import {handoverExport} from '../views/handover/handover-export.js';
import type {DeskEffect} from './desk-effect.js';
import {writeAbsence, writeDecision, writeReallocation, writeRecord, type WriteContext} from './store-writes.js';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export async function runDeskEffect(effect: DeskEffect, c: WriteContext): Promise<DeskAction[]> {
	switch (effect.type) {
		case 'absence':
			return [await writeAbsence(effect.write, c)];
		case 'decision':
			return [await writeDecision(effect.write, c)];
		case 'reallocate':
			return [await writeReallocation(effect.write, c)];
		case 'record':
			return [await writeRecord(effect.write, c)];
		case 'reload':
			return [await reload(c)];
		case 'welfare-check':
			// Nothing to say when it opens (or there is no store: the save says that); else the note is locked, with why.
			if (!c.store.open) return [];
			try {
				await c.store.checkWelfare();
				return [];
			} catch (err) {
				return [{type: 'welfare-locked', subject: effect.subject, reason: messageOf(err)}];
			}
		case 'log-export': {
			const nowhere = 'No store file: nowhere to export to. Use "fortnight log --format csv --out FILE".';
			if (!c.store.open) return [{type: 'notice', text: nowhere}];
			try {
				// Its rows re-checked as `verify` checks them (and refused once the chain is found altered).
				const refusal = await c.store.exportRefusal(chain => seqsAndHead(chain, effect.seqs));
				if (refusal) return [{type: 'notice', text: `The review log was not exported: ${refusal}`}];
				return [{type: 'notice', text: `Exported the review log to ${await c.store.exportFile(effect.name, effect.text, nowhere)}`}];
			} catch (err) {
				return [{type: 'notice', text: `Export failed: ${messageOf(err)}`}];
			}
		}
		case 'handover-export': {
			// The document is of what was on screen when e was pressed, stamped with the time it is written.
			const {text, name} = handoverExport({...effect.handover, generatedAt: c.now()}, effect.format);
			const nowhere = 'No store file: nowhere to export to. Use "fortnight handover --out FILE".';
			try {
				// Each case's last review it names, and the head, re-checked as the command line's handover does.
				const refusal = await c.store.exportRefusal(lastReviewsAndHead);
				if (refusal) return [{type: 'handover-message', text: `The handover was not exported: ${refusal}`, error: true}];
				return [{type: 'handover-message', text: `Exported to ${await c.store.exportFile(name, text, nowhere)}`, error: false}];
			} catch (err) {
				return [{type: 'handover-message', text: `Export failed: ${messageOf(err)}`, error: true}];
			}
		}
	}
}

/** `u`: the store read again; the DeskStore publishes what it read to the desk. */
async function reload(c: WriteContext): Promise<DeskAction> {
	if (!c.store.open) return {type: 'notice', text: 'No store to reload from.'};
	try {
		const data = await c.store.reload();
		return {type: 'notice', text: `Reloaded ${c.store.file} (revision ${data.revision}).`};
	} catch (err) {
		return {type: 'notice', text: `Reload failed: ${messageOf(err)}`};
	}
}

/**
 * The answer for an effect that threw instead of answering (a bug, or an error nobody foresaw): a write's
 * form is told it was not saved and keeps what was typed, so the sergeant can try again; anything else is
 * said on the status bar.
 */
export function failedEffect(effect: DeskEffect, err: unknown): DeskAction[] {
	const error = `Not saved: ${messageOf(err)} What you typed is kept.`;
	switch (effect.type) {
		case 'absence':
			return [{type: 'absence-written', seq: effect.write.seq, error, notice: ''}];
		case 'decision':
			return [{type: 'decision-written', seq: effect.write.seq, error, notice: ''}];
		case 'reallocate':
			return [{type: 'reallocate-written', seq: effect.write.seq, error, notice: ''}];
		case 'record':
			return [{type: 'record-written', seq: effect.write.seq, error, notice: ''}];
		case 'handover-export':
			return [{type: 'handover-message', text: `Export failed: ${messageOf(err)}`, error: true}];
		case 'welfare-check':
			return [];
		default:
			return [{type: 'notice', text: `${effect.type === 'reload' ? 'Reload' : 'Export'} failed: ${messageOf(err)}`}];
	}
}
