/**
 * The bottom line: store, counts, read-only / changed-by-another-user state, then a notice or the key
 * hints. Every state is in words.
 */
import React from 'react';
import {useIsScreenReaderEnabled} from 'ink';
import {storeNames} from '../store-names.js';
import {safeText} from '../../domain/safe-text.js';
import type {DeskModel} from '../model/desk-model.js';
import {fit, textWidth, truncate} from '../text.js';
import {LineText} from '../list/line-text.js';
import {useKeymap} from '../contexts/keymap-context.js';
import {hintKeyFor} from '../contexts/registry.js';

export interface StatusBarProps {
	model: DeskModel;
	storePath: string;
	/** Who the desk runs as, in short ("DS Brennan"): every record it makes is theirs. */
	actor?: string;
	readOnly: boolean;
	diskChanged: boolean;
	notice: string | null;
	/** What a save is waiting for (another process holds the store's lock), or null. */
	waiting?: string | null;
	hints: string;
	width: number;
}

/** Drawn again only when one of its props changes (memo): the hints are a string, the model a snapshot. */
export const StatusBar = React.memo(function StatusBar(props: StatusBarProps): React.JSX.Element {
	const {model, storePath, actor, readOnly, diskChanged, notice, waiting = null, hints, width} = props;
	const reader = useIsScreenReaderEnabled();
	const keymap = useKeymap();
	const reload = hintKeyFor('reload', keymap);
	const c = model.counts;
	const bailDays = model.data.settings.bailRedDays;
	const names = storeNames(storePath);
	const file = safeText(names.long);
	const shown = file.length <= 28 ? file : `…${file.slice(-27)}`;
	// The read-only / changed state comes before the counts so a narrow terminal never cuts it off. A wait
	// for the lock takes the counts' place while it lasts (seconds): whose lock it is matters more then.
	const name = width >= 140 ? shown : truncate(safeText(names.short), width >= 110 ? 20 : 12);
	// Who you are comes first too: whatever the desk records is recorded as them (README "Who you are").
	// Below 110 columns it takes the store name's place (the name is cut to 12 there anyway); while a save
	// waits for the lock (seconds), the wait's words need the room more.
	const who = actor && waiting === null ? `as ${safeText(actor)}` : '';
	const where = who === '' ? name : width >= 110 ? `${name} | ${who}` : who;
	// Longest first; the first that fits the width is drawn, so the counts (overdue above all) are never
	// the part cut off at 80 columns, even beside "CHANGED BY ANOTHER USER" and "READ-ONLY".
	const state = [readOnly ? 'READ-ONLY' : '', diskChanged ? `CHANGED BY ANOTHER USER (${reload} reloads)` : ''];
	const shortState = (changed: string) => [readOnly ? 'READ-ONLY' : '', diskChanged ? changed : ''];
	const bail = `bail<=${bailDays}d ${c.bailSoon}`;
	const forms = [
		{
			state,
			counts: `${c.live} live cases | due today ${c.dueToday} | overdue ${c.overdue} | bail <=${bailDays}d ${c.bailSoon} | today ${model.today}`,
		},
		{state, counts: `${c.live} live | due today ${c.dueToday} | overdue ${c.overdue} | ${bail}`},
		{state: shortState(`CHANGED (${reload} reloads)`), counts: `overdue ${c.overdue} | due today ${c.dueToday} | ${bail} | ${c.live} live`},
		{state: shortState(`CHANGED (${reload})`), counts: `overdue ${c.overdue} | due ${c.dueToday} | bail ${c.bailSoon}`},
	].map(f => {
		const state = f.state.filter(Boolean).join(' | ');
		// A notice (the answer to the last key: why it was refused, what was saved) takes the counts' place
		// while it shows, so it is read whole; the next key brings the counts back.
		const middle = waiting !== null ? safeText(waiting) : notice === null ? f.counts : '';
		return `${where}${state ? ` | ${state}` : ''}${middle ? ` | ${middle}` : ''}`;
	});
	// Wide terminals keep the long form (with today's date); from 110 columns down, the short ones.
	const left = forms.slice(width >= 110 ? 0 : 1).find(f => textWidth(f) <= width) ?? forms.at(-1)!;
	// A notice can quote a path, an error message or a name: made safe like store text.
	const right = notice === null ? hints : safeText(notice);
	const room = width - left.length - 3;
	// A notice longer than the room is cut, saying where it can be read whole: help shows the last notice at
	// its top (desk-help.ts deskHelpLines; QA 6 R4).
	const tail = ` (${hintKeyFor('help', keymap)} shows it all)`;
	const cut = notice !== null && textWidth(right) > room && room - textWidth(tail) > 10;
	const line = room > 10 ? `${left} | ${cut ? `${truncate(right, room - textWidth(tail))}${tail}` : truncate(right, room)}` : `${left}`;
	return (
		// A screen reader hears the longest form and the hints whole (README "Screen readers").
		<LineText inverse line={fit(line, width)} ariaLabel={reader ? `${forms[0]!} | ${right}` : undefined} />
	);
});
