/**
 * A refusal's "who can" (source/domain/permissions.ts whoCan) never names the cover acting that day when
 * that cover is the very officer the action is about, who may not act on their own case or welfare: only
 * the person above (a review of the merged work found "DC Iqbal (covering DS Brennan) or DI Okafor can"
 * for DC Iqbal's own case).
 */
import {describe, expect, it} from 'vitest';
import {mayRecordBail, mayRecordWelfare} from '../../source/domain/permissions.js';
import type {StoreData} from '../../source/domain/model.js';
import {loadDemo} from './review/fixtures.js';

const IQBAL = 'o0004';
const MARSH = 'o0006';

function withIqbalCovering(): StoreData {
	const data = loadDemo();
	data.absences = [
		...data.absences,
		{
			id: 'ab0005',
			officerId: 'o0002',
			from: '2026-12-01',
			to: '2026-12-08',
			reason: 'annual-leave',
			coverOfficerId: IQBAL,
			recordedAt: '2026-11-30T09:00:00.000Z',
			recordedBy: 'o0001',
		},
	];
	return data;
}

const reason = (p: {ok: boolean; reason?: string}) => (p.ok ? 'allowed' : p.reason);

describe('who can, when the cover is the officer the action is about', () => {
	it('does not name the holder of the case as who can record its bail', () => {
		const data = withIqbalCovering();
		const ref = data.cases.find(c => c.oicId === IQBAL && c.status !== 'closed')!.ref;
		// Iqbal cannot record the bail of a case Iqbal holds:
		expect(reason(mayRecordBail(data, IQBAL, ref, '2026-12-05'))).not.toBe('allowed');
		// ...so Marsh's refusal must not send Marsh to Iqbal.
		expect(reason(mayRecordBail(data, MARSH, ref, '2026-12-05'))).not.toContain('DC Iqbal (covering');
		expect(reason(mayRecordBail(data, MARSH, ref, '2026-12-05'))).toMatch(/DI Okafor can/);
	});

	it('does not name the officer as who can record their own welfare', () => {
		const data = withIqbalCovering();
		expect(reason(mayRecordWelfare(data, IQBAL, IQBAL, '2026-12-05'))).not.toBe('allowed');
		expect(reason(mayRecordWelfare(data, MARSH, IQBAL, '2026-12-05'))).not.toContain('DC Iqbal (covering');
		expect(reason(mayRecordWelfare(data, MARSH, IQBAL, '2026-12-05'))).toMatch(/DI Okafor can/);
	});
});
