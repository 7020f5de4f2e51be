/**
 * A welfare note the welfare file refuses after its event is recorded (the file locked by another desk,
 * full, or on PostgreSQL an id another note already holds) is never thrown away unasked: the desk's form
 * stays open on the note alone, says the event is recorded and why the note is not, Enter files it again
 * (the note only: the event is not recorded twice), and Esc asks before leaving it unsaved. Before this the
 * form closed with "it was not saved anywhere" and the typed note was gone (pgnotes' report).
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {openStore} from '../../../source/store/store.js';
import {welfarePathFor} from '../../../source/store/index.js';
import {StoreError} from '../../../source/store/errors.js';
import {DeskStore} from '../../../source/ui/desk-store/desk-store.js';
import type {DeskState} from '../../../source/ui/desk/desk-state.js';
import {recordWritten, onRecordFormInput} from '../../../source/ui/desk/desk-records.js';
import {writeRecord} from '../../../source/ui/effects/store-writes.js';
import {NO_KEY} from '../../../source/ui/keymap.js';
import {openWelfareForm, welfareFields, checkWelfareForm} from '../../../source/ui/record/welfare-form.js';
import type {RecordWrite} from '../../../source/ui/desk/desk-records.js';
import {DEMO_TODAY, demoCopy} from '../../helpers/cli.js';
import {actorAs} from '../../helpers/actor.js';

const SERGEANT = 'o0002';
const NOTE = 'Struggling since the Harcourt case; GP appointment booked';

describe('a welfare note the welfare file refuses after its event is recorded stays in the form', () => {
	it('the event is recorded once; the note waits in the form, and Enter files it alone', async () => {
		const {store: file} = demoCopy();
		const desk = new DeskStore(await openStore(file));
		const realFile = desk.fileNote.bind(desk);
		let refuse = true;
		desk.fileNote = async note => {
			if (refuse) throw new StoreError('locked', 'the welfare file is being written by another desk: try again in a moment.', 'welfare');
			return realFile(note);
		};
		const c = {store: desk, actor: actorAs(SERGEANT), today: DEMO_TODAY, now: () => `${DEMO_TODAY}T10:00:00.000Z`};
		const form = {...openWelfareForm('o0003', DEMO_TODAY, 'screening'), values: {kind: 'screening', on: DEMO_TODAY, note: NOTE}};
		const checked = checkWelfareForm(form, desk.snapshot(), DEMO_TODAY, SERGEANT);
		if (!checked.ok) throw new Error('the form should check');
		const first = await writeRecord({seq: 1, kind: 'welfare', write: checked.write}, c);
		expect(first).toMatchObject({type: 'record-written', seq: 1, notice: ''});
		if (first.type !== 'record-written') throw new Error('record-written expected');
		expect(first.error).toMatch(/^Recorded w\d+: .*The note could not be kept in the welfare file \(the welfare file is being written/);
		expect(first.error).toContain('it is still here, not saved anywhere. Enter files it again; Esc leaves it unsaved.');
		expect(first.error).not.toContain('Harcourt');
		const events = () => desk.snapshot().welfareEvents.filter(e => e.officerId === 'o0003' && e.kind === 'psychological-screening');
		expect(events().filter(e => e.date === DEMO_TODAY)).toHaveLength(1);

		// The reducer keeps the form on the note alone, with the event's filing.
		const s = {
			recordForm: {...form, saving: true},
			recordWrite: {seq: 1},
			recordWrites: 1,
			notice: null,
			actor: actorAs(SERGEANT),
		} as unknown as DeskState;
		const kept = recordWritten(s, 1, first.error, first.notice, first.noteFor);
		expect(kept.recordForm?.values['note']).toBe(NOTE);
		expect(kept.recordForm?.noteFor).toMatchObject({officerId: 'o0003', date: DEMO_TODAY, by: SERGEANT});
		expect(welfareFields(kept.recordForm!).map(f => f.id)).toEqual(['note']);

		// Enter files the note only.
		const again = onRecordFormInput({...kept, keymap: undefined} as unknown as DeskState, '', {...NO_KEY, return: true});
		const write = again.recordWrite as RecordWrite;
		expect(write.kind).toBe('note');
		refuse = false;
		const second = await writeRecord(write, c);
		expect(second).toMatchObject({type: 'record-written', error: null, notice: 'The note is kept in the welfare file.'});
		expect(events().filter(e => e.date === DEMO_TODAY)).toHaveLength(1);
		const welfare = JSON.parse(readFileSync(welfarePathFor(file), 'utf8')) as {notes: {id: string; text: string}[]};
		expect(welfare.notes.filter(n => n.text === NOTE)).toEqual([expect.objectContaining({id: first.noteFor!.id})]);
	});

	it('Esc on the kept note asks before leaving it unsaved; an emptied note is refused, not filed', () => {
		const form = {
			...openWelfareForm('o0003', DEMO_TODAY, 'screening'),
			values: {kind: 'screening', on: DEMO_TODAY, note: NOTE},
			noteFor: {id: 'wn-w00099', officerId: 'o0003', date: DEMO_TODAY, by: SERGEANT},
			field: 'note',
			initial: {},
		};
		const s = {recordForm: form, recordWrite: null, recordWrites: 1, notice: null, actor: actorAs(SERGEANT)} as unknown as DeskState;
		const esc = onRecordFormInput(s, '', {...NO_KEY, escape: true});
		expect(esc.recordForm?.confirmDiscard).toBe(true);
		const emptied = onRecordFormInput({...s, recordForm: {...form, values: {...form.values, note: '  '}}}, '', {...NO_KEY, return: true});
		expect(emptied.recordWrite).toBeNull();
		expect(emptied.recordForm?.error?.text).toBe('The note is empty: type it again to file it, or Esc to leave it unsaved.');
	});
});
