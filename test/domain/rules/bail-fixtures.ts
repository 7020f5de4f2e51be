/** Shared by the bail-date-edited tests: the demo with one extension recorded and signed, as `fortnight bail record` does. */
import {recordBailEvent} from '../../../source/domain/bail-record.js';
import type {StoreData} from '../../../source/domain/model.js';
import {signRecords} from '../../../source/domain/supervisory-records.js';
import {signer} from '../../../source/store/chain.js';
import {loadDemo, SERGEANT, TODAY} from '../review/fixtures.js';

/** Bailed 11 Sep 2026: period ends 11 Dec, return 02 Dec (test/commands/bail.test.ts). */
export const EXTENDED_REF = 'CR/87204/26';
/** The demo with an inspector's extension of REF to 11 Mar 2027 recorded and signed, as `fortnight bail record` does. */
export function extendedDemo(): StoreData {
	const before = loadDemo();
	const input = {
		event: 'extended' as const,
		on: TODAY,
		returnDate: '2027-01-20',
		authorisedBy: 'Insp. K. Lawson',
		rank: 'inspector' as const,
		periodEnd: null,
		recordedBy: SERGEANT,
		recordedAt: `${TODAY}T09:00:00.000Z`,
	};
	const after = recordBailEvent(before, EXTENDED_REF, input, TODAY).data;
	return signRecords(before, after, SERGEANT, signer, `${TODAY}T09:00:00.000Z`);
}
