/**
 * The review desk's root component. Renders in-process from props (store data, today, size), so tests
 * and the bench can mount it without a terminal or a store file; `fortnight` mounts it through
 * run-desk.tsx, which adds the alternate screen and a real store.
 */
import React, {useCallback, useEffect, useReducer, useRef, useState, type Dispatch, type MutableRefObject} from 'react';
import {Box, Text, useApp, useIsScreenReaderEnabled} from 'ink';
import type {IsoDate} from '../../domain/dates.js';
import type {ChainEntry, StoreData} from '../../domain/model.js';
import type {Store} from '../../store/index.js';
import {
	deskModel,
	withFoundProblems,
	withHistory,
	withHistoryError,
	withProblems,
	type DeskModel,
	type ProblemFinder,
} from '../model/desk-model.js';
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
import {paletteMatches} from '../palette/palette-items.js';
import {TeamView} from '../team/team-view.js';
import {HandoverView} from '../views/handover/handover-view.js';
import {CalendarView} from '../views/calendar/calendar-view.js';
import {writeHandoverFile} from '../views/handover/handover-export.js';
import {LogView} from '../views/log/log-view.js';
import {
	currentCalendar,
	currentExplorerRows,
	currentHandover,
	currentLogModel,
	deskReducer,
	explorerVisible,
	helpHeight,
	helpText,
	helpWidth,
	initialState,
	isTyping,
	PALETTE_ROWS,
	problemsVisible,
	reviewHasKeys,
	type DeskAction,
	type DeskState,
} from './desk-state.js';
import {MIN_COLUMNS, MIN_ROWS, reviewLayout, type Size} from './layout.js';
import {useDeskInput} from './use-desk-input.js';
import {DEFAULT_POLL_MS, useStoreWatch} from './use-store-watch.js';
import {useLogExport} from './use-log-export.js';
import {useAbsenceWrites} from './use-absence-writes.js';
import {useDecisionWrites} from './use-decision-writes.js';
import type {DeskActor} from './desk-actor.js';
import {decisionQueue} from './desk-decisions.js';
import {shortName} from '../../domain/people.js';
import {useReallocateWrites} from './use-reallocate-writes.js';
import {useRecordWrites} from './use-record-writes.js';
import {RecordForm} from '../record/record-form.js';
import {ReallocateForm} from '../reallocate/reallocate-form.js';
import {logViewCsv} from '../views/log/log-view-model.js';
import {logExportFileName} from '../views/log/log-view-state.js';
import {useTerminalSize} from './use-terminal-size.js';
import {hintsFor} from '../contexts/hints.js';
import {focusedPane} from '../contexts/active.js';
import {unavailable} from './desk-commands.js';
import {KeymapContext} from '../contexts/keymap-context.js';
import {DEFAULT_KEYMAP, type Keymap} from '../contexts/registry.js';
import type {ThemeName} from '../../settings/user-settings.js';

export interface DeskProps {
	/** The store snapshot to show (replaced by store.reload() when the user reloads). */
	data: StoreData;
	/** The date the desk works as (every badge and rule is relative to it). */
	today: IsoDate;
	/** Who is at the keyboard (README "Who you are"): everything the desk records is theirs, signed with their key. */
	actor: DeskActor;
	/** A fixed terminal size (tests, bench); omitted: the real terminal's, following resizes. */
	size?: Size;
	/** False under NO_COLOR / --no-color. Default true. */
	color?: boolean;
	/** Shown in the status bar. Default: store.file, or "(in memory)". */
	storePath?: string;
	/** The open store: polled for outside changes, reloaded on `u`, and handed to the review screens. */
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
	today,
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
	const [data, setData] = useState(initialData);
	useEffect(() => setData(initialData), [initialData]);
	const base = deskModel(data, today);
	// The first frame comes from the store alone; the rules run just after it, once per revision.
	const [checked, setChecked] = useState<DeskModel | null>(null);
	useEffect(() => {
		let live = true;
		const timer = setTimeout(() => {
			// On a second thread when run-desk started one (keys are taken meanwhile); here when it cannot answer.
			if (!rules || findProblems) return setChecked(withProblems(base, findProblems));
			void rules
				.problems(base.data, base.today)
				.then(found => live && setChecked(found ? withFoundProblems(base, found) : withProblems(base)));
		}, 0);
		return () => {
			live = false;
			clearTimeout(timer);
		};
	}, [base, findProblems, rules]);
	const ruled = checked && checked.data === base.data && checked.today === base.today ? checked : base;
	// A split store's snapshot holds the chain's working set; every review (a case's history, the Log view)
	// is read from the chain file after the first frame and the rules (store README, "The review chain file").
	const [history, setHistory] = useState<{data: StoreData; chain: readonly ChainEntry[] | null; error?: string} | null>(null);
	useEffect(() => {
		if (!store?.wholeChain || base.wholeData) return;
		let live = true;
		const timer = setTimeout(() => {
			store.wholeChain!().then(
				chain => live && setHistory({data: base.data, chain}),
				(err: unknown) => live && setHistory({data: base.data, chain: null, error: err instanceof Error ? err.message : String(err)}),
			);
		}, 0);
		return () => {
			live = false;
			clearTimeout(timer);
		};
	}, [store, base]);
	const current = history?.data === ruled.data ? history : null;
	const model = current?.chain ? withHistory(ruled, current.chain) : current?.error ? withHistoryError(ruled, current.error) : ruled;
	const [state, dispatch] = useReducer(deskReducer, undefined, () => initialState(model, size, actor, keymap));
	useEffect(() => {
		if (state.model !== model) dispatch({type: 'model', model});
	}, [model, state.model]);
	useEffect(() => {
		if (state.size.columns !== size.columns || state.size.rows !== size.rows) dispatch({type: 'resize', size});
	}, [size, state.size]);
	// One input hook for everything: while the guided review has the keyboard the reducer queues keys for it;
	// the Handover view's keys (and a field being edited there) are applied by the same reducer.
	useDeskInput(dispatch);
	// How far the review screens have read state.reviewInput (kept here: review screens come and go).
	const reviewConsumed = useRef(0);
	// The Handover view's last export carried out (see HandoverViewProps.exportsDone).
	const handoverExports = useRef(0);
	useStoreWatch(store, pollMs, state.reloadRequests, dispatch, setData, {typing: isTyping(state), diskChanged: state.diskChanged}, id => {
		const officer = state.model.officerById.get(id);
		return officer ? shortName(officer) : undefined;
	});
	// A save waiting for another's lock says so in the status bar (the command line prints it on stderr).
	useEffect(() => store?.onLockWait?.(text => dispatch({type: 'lock-wait', text})), [store]);
	const logCsv = useCallback(() => ({text: logViewCsv(currentLogModel(state)), name: logExportFileName(state.log)}), [state]);
	useLogExport(store?.file, state.exportRequests, logCsv, dispatch);
	// The Team view's absence keys: say why the store cannot be written before a form is opened, not after.
	const cannotWrite = store ? (store.readOnly ? (store.readOnlyReason ?? `${store.file} is read-only.`) : null) : 'no store file is open.';
	useEffect(() => dispatch({type: 'can-write', reason: cannotWrite}), [cannotWrite]);
	useAbsenceWrites(store, state.absenceWrite, actor, today, dispatch, setData);
	useDecisionWrites(store, state.decisionWrite, actor, today, dispatch, setData);
	useReallocateWrites(store, state.reallocateWrite, actor, dispatch, setData);
	// A bad settings file stops nothing: the desk opens on the defaults and says what is wrong (README "Settings").
	const settingsSaid = settingsProblems.length === 0 ? null : settingsNotice(settingsProblems);
	useEffect(() => {
		if (settingsSaid) dispatch({type: 'notice', text: settingsSaid});
	}, [settingsSaid]);
	useRecordWrites(store, state.recordWrite, actor, today, dispatch, setData);
	useEffect(() => {
		if (!state.quit) return;
		onQuit?.();
		exit();
	}, [state.quit, exit, onQuit]);
	return (
		<ThemeContext.Provider value={{color, name: theme}}>
			<KeymapContext.Provider value={state.keymap}>
				<DeskFrame
					state={state}
					notice={notice}
					store={store}
					actor={actor}
					storePath={storePath ?? store?.file ?? '(in memory)'}
					readOnly={store?.readOnly ?? false}
					dispatch={dispatch}
					onStoreChanged={setData}
					reviewConsumed={reviewConsumed}
					handoverExports={handoverExports}
				/>
			</KeymapContext.Provider>
		</ThemeContext.Provider>
	);
}

/** The status bar's key hints, generated from the registry (tested against it: test/ui/keys-in-help.test.tsx). */
export {hintsFor} from '../contexts/hints.js';

/** The palette's rows: a command that cannot act here says why (desk-commands.ts), as lazygit's menus do. */
function paletteRows(s: DeskState) {
	return paletteMatches(s.model, s.palette.query, PALETTE_ROWS, s.keymap).map(m => {
		const why = m.target.type === 'command' ? unavailable(s, m.target.command) : null;
		return why ? {...m, detail: `${m.detail}  (not here: ${why})`} : m;
	});
}

/** The status bar's line for a bad settings file: the first problem, and how many more (all are on stderr). */
export function settingsNotice(problems: readonly string[]): string {
	const more = problems.length > 1 ? ` (and ${problems.length - 1} more, printed when the desk closes)` : '';
	return `Settings: ${problems[0]}${more}`;
}

/** The Handover view's export: a Markdown file beside the store (no welfare notes from the desk). */
async function exportHandover(store: Store | undefined, markdown: string, fileName: string): Promise<string> {
	if (!store) throw new Error('No store file: nowhere to export to. Use "fortnight handover --out FILE".');
	return writeHandoverFile(store.file, fileName, markdown);
}

const wallClock = (): string => new Date().toISOString();

interface FrameProps {
	state: DeskState;
	notice: string | null;
	store: Store | undefined;
	actor: DeskActor;
	storePath: string;
	readOnly: boolean;
	dispatch: Dispatch<DeskAction>;
	/** A review saved a draft, was signed or discarded: show the new data at once (badges, problems, status bar). */
	onStoreChanged: (data: StoreData) => void;
	reviewConsumed: MutableRefObject<number>;
	handoverExports: MutableRefObject<number>;
}

function DeskFrame({
	state: s,
	notice,
	store,
	actor,
	storePath,
	readOnly,
	dispatch,
	onStoreChanged,
	reviewConsumed,
	handoverExports,
}: FrameProps): React.JSX.Element {
	// While the guided review has the keys it gets the explorer's and panel's room (see reviewLayout).
	const L = reviewHasKeys(s) ? reviewLayout(s.layout) : s.layout;
	// A screen reader reads the side-by-side panes one after another, not line by line across them.
	const reader = useIsScreenReaderEnabled();
	if (L.tooSmall) {
		return (
			<Box flexDirection="column" height={L.frameHeight}>
				{[
					`fortnight needs a terminal of at least ${MIN_COLUMNS}x${MIN_ROWS};`,
					`this one is ${s.size.columns}x${s.size.rows}.`,
					'Enlarge the window (or reduce the font size),',
					'or press q to quit.',
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
	// Focus and overlays as the context registry reads them (contexts/active.ts).
	const pane = focusedPane(s);
	const overlay = s.overlay;
	let main: React.JSX.Element;
	// A bail or welfare form takes the main area while it is open, whatever the view (desk-records.ts).
	if (s.recordForm && overlay === null) {
		main = <RecordForm form={s.recordForm} data={s.model.data} width={mainWidth} height={L.mainHeight} />;
	} else if (overlay === 'help') {
		main = <Help lines={helpText(helpWidth(L), s.keymap)} scroll={s.helpScroll} width={mainWidth} height={helpHeight(L)} />;
	} else if (overlay === 'palette') {
		main = <Palette query={s.palette.query} cursor={s.palette.cursor} matches={paletteRows(s)} width={mainWidth} height={L.mainHeight} />;
	} else if (s.view === 'team')
		main = (
			<TeamView
				model={s.model}
				win={s.team}
				focused={pane === 'team'}
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
			/>
		);
	else if (s.view === 'handover')
		main = (
			<HandoverView
				state={s.handover}
				preview={currentHandover(s)}
				focused={pane === 'handover' && overlay === null}
				width={mainWidth}
				height={L.mainHeight}
				now={wallClock}
				exportsDone={handoverExports}
				onExport={(md, name) => exportHandover(store, md, name)}
				onMessage={(text, error) => dispatch({type: 'handover-message', text, error})}
			/>
		);
	else if (s.view === 'calendar')
		main = (
			<CalendarView grid={currentCalendar(s)} state={s.calendar} focused={pane === 'calendar'} width={mainWidth} height={L.mainHeight} />
		);
	else if (s.view === 'log')
		main = (
			<LogView
				data={s.model.data}
				state={s.log}
				model={currentLogModel(s)}
				notice={s.notice}
				focused={pane === 'log'}
				width={mainWidth}
				height={L.mainHeight}
			/>
		);
	else {
		// The reallocation form takes the editor's place while it is open (desk-acting.ts).
		const form = s.reallocateForm;
		main = (
			<>
				{L.sidebarWidth > 0 && (
					<Explorer
						model={s.model}
						rows={currentExplorerRows(s)}
						list={s.explorer}
						visible={explorerVisible(s)}
						focused={pane === 'explorer' && !form}
						width={L.sidebarWidth}
						height={L.mainHeight}
					/>
				)}
				{form && <ReallocateForm form={form} data={s.model.data} today={s.model.today} width={L.editorWidth} height={L.mainHeight} />}
				{!form && (
					<Editor
						model={s.model}
						store={store}
						actor={actor}
						tabs={s.tabs}
						focused={pane === 'editor'}
						width={L.editorWidth}
						height={L.mainHeight}
						inner={L.editorInner}
						rows={L.editorRows}
						reviewKeys={{active: reviewHasKeys(s), keys: s.reviewInput, consumed: reviewConsumed}}
						onReviewExit={() => dispatch({type: 'review-exit'})}
						onStoreChanged={onStoreChanged}
						banner={notice}
					/>
				)}
			</>
		);
	}
	return (
		<Box flexDirection="column" width={L.width} height={L.frameHeight} overflow="hidden">
			<Box flexDirection={reader ? 'column' : 'row'} height={overlay === 'help' ? helpHeight(L) : L.mainHeight}>
				<ActivityBar view={s.view} height={L.mainHeight} />
				{main}
			</Box>
			{overlay !== 'help' && L.panelHeight > 0 && (
				<ProblemsPanel
					model={s.model}
					rows={problemRows(s.model, s.problems.filter)}
					list={s.problems}
					visible={problemsVisible(s)}
					focused={pane === 'problems' && overlay === null && !s.reallocateForm && !s.recordForm}
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
