/**
 * The user's own settings file (README "Settings"): `$XDG_CONFIG_HOME/fortnight/config.json`, else
 * `~/.config/fortnight/config.json`. Key bindings, the colour theme, a default store and who you are.
 * Each setting's shape is checked; a bad file never stops anything: each setting that is
 * wrong is said in a sentence and its default used, the others still apply.
 */
import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';

export const THEME_NAMES = ['default', 'high-contrast'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

/**
 * Where a value first breaks its setting's shape (a JSON Pointer, '' for the value itself), or null when
 * it is right. Written out by hand rather than as TypeBox schemas: every command reads this file first,
 * and loading TypeBox (hundreds of modules) was a tenth of `problems --json` at 5,000 cases (issue 18).
 * The shapes and the pointers are the ones the TypeBox schemas gave (test/settings/user-settings.test.ts).
 */
type Check = (v: unknown) => string | null;

const text =
	(max: number): Check =>
	v =>
		typeof v === 'string' && v.length >= 1 && v.length <= max ? null : '';
const pointer = (key: string) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

const SETTINGS = {
	/** Action name to its keys, e.g. {"down": ["↓", "n"]}: those keys replace the action's defaults. */
	keys: (v => {
		if (typeof v !== 'object' || v === null || Array.isArray(v)) return '';
		for (const [action, keys] of Object.entries(v)) {
			if (!Array.isArray(keys) || keys.length < 1 || keys.length > 8) return pointer(action);
			const bad = keys.findIndex(k => typeof k !== 'string' || k.length < 1);
			if (bad !== -1) return `${pointer(action)}/${bad}`;
		}
		return null;
	}) as Check,
	theme: (v => ((THEME_NAMES as readonly unknown[]).includes(v) ? null : '')) as Check,
	/** The store used when neither --store nor FORTNIGHT_STORE is given (relative: to the settings folder). */
	store: text(4096),
	/** Who you are when neither --as nor FORTNIGHT_USER is given: an officer's id, collar number or name. */
	as: text(200),
};

export type SettingName = keyof typeof SETTINGS;

export interface UserSettings {
	keys: Readonly<Record<string, readonly string[]>>;
	theme: ThemeName;
	store?: string;
	as?: string;
}

export const DEFAULT_SETTINGS: UserSettings = {keys: {}, theme: 'default'};

export interface SettingsRead {
	/** The settings file's path (whether or not it exists). */
	file: string;
	settings: UserSettings;
	/** What is wrong with the file, one plain sentence each (empty: nothing). */
	problems: string[];
}

/** Where the settings file is: XDG_CONFIG_HOME when it is an absolute path (the XDG rule), else ~/.config. */
export function settingsPath(env: NodeJS.ProcessEnv = process.env): string {
	const xdg = env['XDG_CONFIG_HOME'];
	const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.config');
	return path.join(base, 'fortnight', 'config.json');
}

/** Reads and checks the settings file; a missing file is the defaults, silently. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): SettingsRead {
	const file = settingsPath(env);
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return {file, settings: DEFAULT_SETTINGS, problems: []};
		return {file, settings: DEFAULT_SETTINGS, problems: [`${file} cannot be read (${code ?? 'error'}): using the default settings.`]};
	}
	return parseSettings(text, file);
}

/** Checks a settings file's text: every setting that is wrong is said and left at its default. */
export function parseSettings(text: string, file: string): SettingsRead {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (err) {
		const why = err instanceof Error ? err.message : String(err);
		return {file, settings: DEFAULT_SETTINGS, problems: [`${file} is not valid JSON (${why}): using the default settings.`]};
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		return {
			file,
			settings: DEFAULT_SETTINGS,
			problems: [`${file} must hold one JSON object, like {"theme": "high-contrast"}: using the default settings.`],
		};
	}
	const problems: string[] = [];
	const settings: {-readonly [K in keyof UserSettings]: UserSettings[K]} = {...DEFAULT_SETTINGS};
	for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
		if (name === '$schema') continue;
		if (!Object.hasOwn(SETTINGS, name)) {
			problems.push(
				`${file}: "${name.slice(0, 40)}" is not a setting (the settings are ${Object.keys(SETTINGS).join(', ')}); it is ignored.`,
			);
			continue;
		}
		const setting = name as SettingName;
		const wrong = SETTINGS[setting](v);
		if (wrong !== null) {
			problems.push(`${file}: ${setting} ${expected(setting, wrong)}; using the default.`);
			continue;
		}
		if (setting === 'store') settings.store = resolveStore(v as string, file);
		else (settings as Record<string, unknown>)[setting] = v;
	}
	return {file, settings, problems};
}

function expected(setting: SettingName, at: string): string {
	const where = at ? ` (at ${at})` : '';
	if (setting === 'keys') return `must map action names to lists of key names, like {"down": ["↓", "n"]}${where}`;
	if (setting === 'theme') return `must be one of ${THEME_NAMES.map(t => `"${t}"`).join(', ')}`;
	return `must be a non-empty string${setting === 'store' ? ' (a path to the team store)' : " (an officer's id, collar number or name)"}`;
}

/** "~/x" is in the home folder; any other relative path is relative to the settings file's folder; a URL (postgres://) as given. */
function resolveStore(store: string, file: string): string {
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(store)) return store;
	if (store === '~' || store.startsWith('~/')) return path.join(homedir(), store.slice(1));
	return path.resolve(path.dirname(file), store);
}
