/**
 * A case whose PostgreSQL row was set aside as unreadable (domain/set-aside.ts; docs/rules.md "Records set
 * aside") is not in the desk's model, though its CRITICAL problem is in the Problems panel under its crime
 * reference. Nothing the desk does to a case can act on it, so its keys (open, review, reallocate, bail) are
 * not offered on it, and pressed they say why (desk-commands.ts, contexts/hints.ts, the problem's detail),
 * instead of "no longer in the store", which it is not.
 */
import {caseSetAside, setAsideCaseWords} from '../../domain/set-aside.js';
import type {DeskModel} from './desk-model.js';

/** Why case `ref` has no case keys because its row was set aside, or null (no case, a case in the model, or gone for another reason). */
export function setAsideRefusal(model: Pick<DeskModel, 'data' | 'caseByRef'>, ref: string | null | undefined): string | null {
	if (!ref || model.caseByRef.has(ref)) return null;
	const r = caseSetAside(model.data, ref);
	return r ? setAsideCaseWords(r, ref) : null;
}
