/**
 * The demo team with hostile text: officer names and a case reference carrying commas, quotes,
 * non-ASCII letters, formula prefixes (= + - @), control characters, escape sequences and bidi
 * overrides, plus an amendment whose reason spans several lines. The chain is re-signed so the store
 * still verifies: the exports must carry this text safely, not reject it.
 */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import type {StoreData} from '../../../source/domain/model.js';
import {makeEntry, resignChain} from '../../../source/store/chain.js';
import {tempDir} from '../../helpers/cli.js';
import {demoData} from '../../helpers/demo.js';

export const HOSTILE_NAMES: Record<string, string> = {
	o0003: 'Sam "The Ash" Ashworth, Jr.',
	o0004: 'Priya Iqbal-Świątek Øre',
	o0005: '=HYPERLINK("http://evil.example","x")',
	o0006: '+Helen Marsh',
	o0007: '-Lewis Grant',
	o0008: '@Amira | Shah [x](javascript:alert(1))',
	o0009: 'Ben\tCarter\nsecond line\r\nthird',
	o0010: 'Chloe \u001b]52;c;ZXZpbA==\u0007Evans \u202eesrever',
};
/**
 * Names are exported as "RANK name", so a formula-looking name is never a whole cell; case references
 * are, so these start with each formula character that survives safeText (tab, CR and LF in store
 * text are made visible before export, so they can only start a cell in the writer's own tests).
 */
export const HOSTILE_REF = '=1+2,"x"\nCR';
export const PREFIXED_REFS = ['+SUM(1)', '-2+3', '@cmd|calc'];
export const AMEND_REASON = 'Risk was recorded wrongly.\nThe OIC had told me the suspect moved; "high" is right, not medium.';

export function loadDemo(): StoreData {
	return demoData();
}

/** The hostile store as data; `amendSeq` is the review it amends (the last review of the renamed case). */
export function hostileData(): {data: StoreData; renamedRef: string; amendedSeq: number} {
	const demo = loadDemo();
	const officers = demo.officers.map(o => (HOSTILE_NAMES[o.id] ? {...o, name: HOSTILE_NAMES[o.id]!} : o));
	// Rename the case of the latest review so it is in every default period.
	const lastReview = [...demo.chain].reverse().find(e => e.kind === 'review')!;
	const renamedRef = (lastReview.data as {caseRef: string}).caseRef;
	const newRef = new Map([[renamedRef, HOSTILE_REF]]);
	for (const e of [...demo.chain].reverse()) {
		if (newRef.size > PREFIXED_REFS.length) break;
		if (e.kind === 'review' && !newRef.has(e.data.caseRef)) newRef.set(e.data.caseRef, PREFIXED_REFS[newRef.size - 1]!);
	}
	const cases = demo.cases.map(c => (newRef.has(c.ref) ? {...c, ref: newRef.get(c.ref)!} : c));
	const renamed = demo.chain.map(e =>
		e.kind === 'review' && newRef.has(e.data.caseRef) ? {...e, data: {...e.data, caseRef: newRef.get(e.data.caseRef)!}} : e,
	);
	let chain = resignChain(renamed);
	const amendedSeq = lastReview.seq;
	const date = (lastReview.data as {date: string}).date;
	chain = [
		...chain,
		makeEntry(
			chain,
			'amendment',
			{amends: amendedSeq, date, by: 'o0002', reason: AMEND_REASON, corrections: {riskAfter: 'high', '@note': '-2 days'}},
			`${date}T17:00:00.000Z`,
		),
	];
	return {data: {...demo, officers, cases, chain}, renamedRef, amendedSeq};
}

export function hostileStoreFile(): string {
	const file = path.join(tempDir(), 'hostile.json');
	writeFileSync(file, JSON.stringify(hostileData().data));
	return file;
}
