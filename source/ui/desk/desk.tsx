/**
 * The review desk's root component. Renders in-process from props (store data, today, size), so tests
 * and the bench can mount it without a terminal or a store file; `fortnight` mounts it through
 * run-desk.tsx, which adds the alternate screen and a real store.
 */
import React, {useCallback, useEffect, useMemo, useReducer, useRef, useState, type Dispatch, type MutableRefObject} from 'react';
import {Box, Text, useApp, useIsScreenReaderEnabled} from 'ink';
import {shortDate, type IsoDate} from '../../domain/dates.js';
import type {StoreData} from '../../domain/model.js';
import type {Store} from '../../store/index.js';
import type {ProblemFinder} from '../model/desk-model.js';
import type {RulesThread} from '../model/rules-thread.js';
import {ThemeContext} from '../theme.js';
import {ActivityBar} from '../activity-bar/activity-bar.js';
import {Explorer} from '../explorer/explorer.js';
import {Editor} from '../editor/editor.js';
import {ProblemsPanel} from '../problems-panel/problems-panel.js';
import {problemRows} from '../problems-panel/problem-rows.js';
import {StatusBar} from '../status-bar/status-bar.js';
import {Help} from '../help/help.js';
import {Palette} from '../palette/palette.js';
import type {PaletteItem} from '../palette/palette-items.js';
import {currentPaletteMatches} from './desk-palette.js';
import {TeamView} from '../team/team-view.js';
import {HandoverView} from '../views/handover/handover-view.js';
import {CalendarView} from '../views/calendar/calendar-view.js';
import {LogView} from '../views/log/log-view.js';
import {
	currentCalendar,
	currentExplorerRows,
	currentHandover,
	currentLogModel,
	deskHelpLines,
	deskReducer,
	explorerVisible,
	helpHeight,
	initialState,
	isTyping,
	problemsVisible,
	reviewHasKeys,
	type DeskAction,
	type DeskState,
} from './desk-state.js';
import {MIN_COLUMNS, MIN_ROWS, reviewLayout, type Size} from './layout.js';
import {useDeskInput} from './use-desk-input.js';
import {DEFAULT_POLL_MS, useStoreWatch} from './use-store-watch.js';
import type {DeskActor} from './desk-actor.js';
import {decisionQueue} from './desk-decisions.js';
import {shortName} from '../../domain/people.js';
import {RecordForm} from '../record/record-form.js';
import {ReallocateForm, reallocateFormTakesMain} from '../reallocate/reallocate-form.js';
import {useTerminalSize} from './use-terminal-size.js';
import {hintsFor} from '../contexts/hints.js';
import {deskKeymap, drawnFocused, helpShown, mainArea, type PaneId} from '../contexts/active.js';
import {unavailable} from './desk-commands.js';
import {KeymapContext} from '../contexts/keymap-context.js';
import {DEFAULT_KEYMAP, hintKeyFor, type Keymap} from '../contexts/registry.js';
import type {ThemeName} from '../../settings/user-settings.js';
import {DeskStore} from '../desk-store/desk-store.js';
import {DeskStoreContext} from '../desk-store/store-context.js';
import {useDeskEffects} from '../effects/use-desk-effects.js';
import {useDeskModel} from './use-desk-model.js';
import {useClockToday} from './use-clock-today.js';
import {shareInkOutputCaches} from './ink-output-cache.js';

// Every frame of the desk (and of whatever Ink draws before it, the loading frame) measures its text once
// across frames, not once per frame: ink-output-cache.ts says why it is safe and what it saves.
await shareInkOutputCaches();

export interface DeskProps {
	/** The snapshot to open on (default: the store's); from then on the desk's DeskStore holds the current one. */
	data?: StoreData;
	/** The date the desk works as (every badge and rule is relative to it). */
	today: IsoDate;
	/**
	 * Opened without `--today`: the desk's day follows the machine's calendar past midnight (use-clock-today.ts).
	 * Tests pass a clock (`now`) to move it; by default the real one.
	 */
	followClock?: boolean | {now: () => Date; everyMs: number};
	/** Who is at the keyboard (README "Who you are"): everything the desk records is theirs, signed with their key. */
	actor: DeskActor;
	/** A fixed terminal size (tests, bench); omitted: the real terminal's, following resizes. */
	size?: Size;
	/** False under NO_COLOR / --no-color. Default true. */
	color?: boolean;
	/** Shown in the status bar. Default: store.file, or "(in memory)". */
	storePath?: string;
	/** The open store: polled for outside changes, reloaded on `u`, written by the forms and the review screens. */
	store?: Store;
	/** How often to stat the store file for changes by another user, in ms (0 = never). */
	pollMs?: number;
	/** Called once when the user quits (after which Ink's app exits). */
	onQuit?: () => void;
	/** Where problems come from. Default: the rules engine (findProblems). Benches and tests may stand in. */
	findProblems?: ProblemFinder;
	/**
	 * The rules on a second thread (run-desk.tsx starts it on the store file): the case rows show at once and
	 * keys are taken while the rules run. Without it (tests, the bench's in-process desk) they run here.
	 */
	rules?: RulesThread;
	/**
	 * The first-run demo copy's notice (README "Set up"), shown in the editor while no case is open:
	 * printed before the alternate screen, it would otherwise only be seen after quitting.
	 */
	notice?: string | null;
	/** The key bindings in force (README "Settings"): the registry's defaults unless the user remapped some. */
	keymap?: Keymap;
	/** The user's colour theme (README "Settings"); colour itself is still off under NO_COLOR (`color`). */
	theme?: ThemeName;
	/** What is wrong with the user's settings file, said on the status bar when the desk opens. */
	settingsProblems?: readonly string[];
}

export function Desk({
	data: initialData,
	today: openedOn,
	followClock = false,
	actor,
	size: fixedSize,
	color = true,
	storePath,
	store,
	pollMs = DEFAULT_POLL_MS,
	onQuit,
	findProblems,
	rules,
	notice = null,
	keymap = DEFAULT_KEYMAP,
	theme,
	settingsProblems = [],
}: DeskProps): React.JSX.Element {
	const {exit} = useApp();
	const size = useTerminalSize(fixedSize);
	// The one holder of the snapshot (desk-store/desk-store.ts): every write and reload publishes through it.
	const [deskStore] = useState(() => new DeskStore(store, initialData));
	const clock = typeof followClock === 'object' ? followClock : undefined;
	const today = useClockToday(openedOn, followClock !== false, clock?.now, clock?.everyMs);
	const model = useDeskModel(deskStore, today, rules, findProblems, actor.officerId);
	const [state, dispatch] = useReducer(deskReducer, undefined, () => initialState(model, size, actor, keymap));
	useEffect(() => {
		if (state.model !== model) dispatch({type: 'model', model});
	}, [model, state.model]);
	// Said once when the calendar moves on under an open desk: what is recorded from now on is dated the new day.
	const dayShown = useRef(today);
	useEffect(() => {
		if (dayShown.current === today) return;
		dayShown.current = today;
		dispatch({type: 'notice', text: `It is now ${shortDate(today)}: the desk works as that day from here on.`});
	}, [today]);
	useEffect(() => {
		if (state.size.columns !== size.columns || state.size.rows !== size.rows) dispatch({type: 'resize', size});
	}, [size, state.size]);
	// One input hook for everything: while the guided review has the keyboard the reducer queues keys for it;
	// the Handover view's keys (and a field being edited there) are applied by the same reducer.
	useDeskInput(dispatch);
	// One hook runs what the reducer asks of the outside world: writes, reloads, exports (effects/).
	useDeskEffects(state.effects, {store: deskStore, actor, today: state.model.today, now: wallClock}, dispatch);
	// How far the review screens have read state.reviewInput (kept here: review screens come and go).
	const reviewConsumed = useRef(0);
	const typing = isTyping(state);
	const officerById = state.model.officerById;
	// Settled: the rules have answered and the whole chain is read (or could not be): the chain walk may start.
	const settled = model.problemsReady && (model.wholeData !== null || model.historyError !== undefined || !deskStore.wholeChain);
	const watched = useStoreWatch(deskStore, pollMs, dispatch, {typing, diskChanged: state.diskChanged, settled}, id => {
		const officer = officerById.get(id);
		return officer ? shortName(officer) : undefined;
	});
	// A bad settings file stops nothing: the desk opens on the defaults and says what is wrong (README "Settings").
	const settingsSaid = settingsProblems.length === 0 ? null : settingsNotice(settingsProblems);
	useEffect(() => {
		if (settingsSaid) dispatch({type: 'notice', text: settingsSaid});
	}, [settingsSaid]);
	useEffect(() => {
		if (!state.quit) return;
		onQuit?.();
		exit();
	}, [state.quit, exit, onQuit]);
	return (
		<ThemeContext.Provider value={{color, name: theme}}>
			<KeymapContext.Provider value={deskKeymap(state)}>
				<DeskStoreContext.Provider value={deskStore}>
					<DeskFrame
						state={state}
						notice={notice}
						actor={actor}
						storePath={storePath ?? watched.file ?? '(in memory)'}
						readOnly={watched.readOnly}
						dispatch={dispatch}
						reviewConsumed={reviewConsumed}
					/>
				</DeskStoreContext.Provider>
			</KeymapContext.Provider>
		</ThemeContext.Provider>
	);
}

/** The status bar's key hints, generated from the registry (tested against it: test/ui/keys-in-help.test.tsx). */
export {hintsFor} from '../contexts/hints.js';

/** A palette row as shown: a command that cannot act here says why (desk-commands.ts), as lazygit's menus do. */
function paletteRow(s: DeskState) {
	return (m: PaletteItem): PaletteItem => {
		const why = m.target.type === 'command' ? unavailable(s, m.target.command) : null;
		return why ? {...m, detail: `${m.detail}  (not here: ${why})`} : m;
	};
}

/** The status bar's line for a bad settings file: the first problem, and how many more (all are on stderr). */
export function settingsNotice(problems: readonly string[]): string {
	const more = problems.length > 1 ? ` (and ${problems.length - 1} more, printed when the desk closes)` : '';
	return `Settings: ${problems[0]}${more}`;
}

const wallClock = (): string => new Date().toISOString();

interface FrameProps {
	state: DeskState;
	notice: string | null;
	actor: DeskActor;
	storePath: string;
	readOnly: boolean;
	dispatch: Dispatch<DeskAction>;
	reviewConsumed: MutableRefObject<number>;
}

function DeskFrame({state: s, notice, actor, storePath, readOnly, dispatch, reviewConsumed}: FrameProps): React.JSX.Element {
	// While the guided review has the keys it gets the explorer's and panel's room (see reviewLayout).
	const L = reviewHasKeys(s) ? reviewLayout(s.layout) : s.layout;
	// A screen reader reads the side-by-side panes one after another, not line by line across them.
	const reader = useIsScreenReaderEnabled();
	// The editor's props stay the same objects while nothing of theirs changes, so a key in the explorer
	// does not redraw the editor (it is memoised: editor.tsx).
	const reviewActive = reviewHasKeys(s);
	const reviewKeys = useMemo(
		() => ({active: reviewActive, keys: s.reviewInput, consumed: reviewConsumed}),
		[reviewActive, s.reviewInput, reviewConsumed],
	);
	const onReviewExit = useCallback(() => dispatch({type: 'review-exit'}), [dispatch]);
	if (L.tooSmall) {
		return (
			<Box flexDirection="column" height={L.frameHeight}>
				{[
					`fortnight needs a terminal of at least ${MIN_COLUMNS}x${MIN_ROWS};`,
					`this one is ${s.size.columns}x${s.size.rows}.`,
					'Enlarge the window (or reduce the font size),',
					`or press ${hintKeyFor('quit', s.keymap)} to quit.`,
				]
					.slice(0, L.frameHeight)
					.map((l, i) => (
						<Text key={i} wrap="truncate">
							{l}
						</Text>
					))}
			</Box>
		);
	}
	const mainWidth = L.width - L.activityWidth;
	// What takes the main area and which pane is drawn focused: the context registry's answers (contexts/active.ts).
	const focused = (pane: PaneId) => drawnFocused(s, pane);
	let main: React.JSX.Element;
	switch (mainArea(s)) {
		// A bail or welfare form takes the main area while it is open, whatever the view (desk-records.ts).
		case 'record-form':
			main = <RecordForm form={s.recordForm!} data={s.model.data} width={mainWidth} height={L.mainHeight} />;
			break;
		case 'help':
			main = <Help lines={deskHelpLines(s)} scroll={s.helpScroll} width={mainWidth} height={helpHeight(L)} />;
			break;
		case 'palette':
			main = (
				<Palette
					query={s.palette.query}
					cursor={s.palette.cursor}
					matches={currentPaletteMatches(s)}
					shown={paletteRow(s)}
					width={mainWidth}
					height={L.mainHeight}
				/>
			);
			break;
		case 'team':
			main = (
				<TeamView
					model={s.model}
					win={s.team}
					focused={focused('team')}
					width={mainWidth}
					height={L.mainHeight}
					form={s.absenceForm}
					decision={
						s.decisionForm
							? {
									form: s.decisionForm,
									trigger: decisionQueue(s.model).find(t => t.officerId === s.decisionForm!.officerId),
									actorId: actor.officerId,
								}
							: null
					}
					escalated={decisionQueue(s.model).map(t => t.officerId)}
					question={s.endConfirm?.question ?? null}
					notice={s.notice}
					actorId={s.actor?.officerId ?? null}
				/>
			);
			break;
		case 'handover':
			main = (
				<HandoverView
					state={s.handover}
					preview={currentHandover(s)}
					focused={focused('handover')}
					width={mainWidth}
					height={L.mainHeight}
				/>
			);
			break;
		case 'calendar':
			main = (
				<CalendarView grid={currentCalendar(s)} state={s.calendar} focused={focused('calendar')} width={mainWidth} height={L.mainHeight} />
			);
			break;
		case 'log':
			main = (
				<LogView
					data={s.model.data}
					state={s.log}
					model={currentLogModel(s)}
					notice={s.notice}
					focused={focused('log')}
					width={mainWidth}
					height={L.mainHeight}
				/>
			);
			break;
		case 'cases': {
			// The reallocation form takes the editor's place while it is open (desk-acting.ts), or the whole main
			// area when the editor is too narrow for its rows (reallocate-form.tsx).
			const form = s.reallocateForm;
			if (form && reallocateFormTakesMain(L.editorWidth)) {
				main = <ReallocateForm form={form} data={s.model.data} today={s.model.today} width={mainWidth} height={L.mainHeight} />;
				break;
			}
			main = (
				<>
					{L.sidebarWidth > 0 && (
						<Explorer
							model={s.model}
							rows={currentExplorerRows(s)}
							list={s.explorer}
							visible={explorerVisible(s)}
							focused={focused('explorer')}
							width={L.sidebarWidth}
							height={L.mainHeight}
						/>
					)}
					{form && <ReallocateForm form={form} data={s.model.data} today={s.model.today} width={L.editorWidth} height={L.mainHeight} />}
					{!form && (
						<Editor
							model={s.model}
							actor={actor}
							tabs={s.tabs}
							focused={focused('editor')}
							width={L.editorWidth}
							height={L.mainHeight}
							inner={L.editorInner}
							rows={L.editorRows}
							reviewKeys={reviewKeys}
							onReviewExit={onReviewExit}
							banner={notice}
						/>
					)}
				</>
			);
		}
	}
	// Clipped top to bottom only, as each pane is (pane.tsx): every pane and line is laid out to the width.
	return (
		<Box flexDirection="column" width={L.width} height={L.frameHeight} overflowY="hidden">
			<Box flexDirection={reader ? 'column' : 'row'} height={helpShown(s) ? helpHeight(L) : L.mainHeight}>
				<ActivityBar view={s.view} height={L.mainHeight} />
				{main}
			</Box>
			{!helpShown(s) && L.panelHeight > 0 && (
				<ProblemsPanel
					model={s.model}
					rows={problemRows(s.model, s.problems.filter)}
					list={s.problems}
					visible={problemsVisible(s)}
					focused={focused('problems')}
					width={L.width}
					height={L.panelHeight}
				/>
			)}
			<StatusBar
				model={s.model}
				storePath={storePath}
				actor={shortName(s.model.officerById.get(actor.officerId))}
				readOnly={readOnly}
				diskChanged={s.diskChanged}
				notice={s.notice}
				waiting={s.lockWait}
				hints={hintsFor(s)}
				width={L.width}
			/>
		</Box>
	);
}
