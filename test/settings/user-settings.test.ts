/**
 * The user's settings file (README "Settings"): where it is, what it may say, and that a bad file never
 * stops anything: each wrong setting is said in a sentence naming the file, and its default is used.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {makeContext} from '../../source/commands/context.js';
import {DEFAULT_SETTINGS, parseSettings, readSettings, settingsPath} from '../../source/settings/user-settings.js';
import {DEMO_TODAY, tempDir} from '../helpers/cli.js';

const FILE = '/home/ds/.config/fortnight/config.json';
const parse = (value: unknown) => parseSettings(typeof value === 'string' ? value : JSON.stringify(value), FILE);

/** A config folder holding `text` as fortnight/config.json; returns the env that points at it. */
function configHome(text: string): NodeJS.ProcessEnv {
	const home = tempDir('fortnight-config-');
	mkdirSync(path.join(home, 'fortnight'));
	writeFileSync(path.join(home, 'fortnight', 'config.json'), text);
	return {XDG_CONFIG_HOME: home};
}

describe('where the settings file is', () => {
	it('is $XDG_CONFIG_HOME/fortnight/config.json, else ~/.config/fortnight/config.json', () => {
		expect(settingsPath({XDG_CONFIG_HOME: '/cfg'})).toBe('/cfg/fortnight/config.json');
		expect(settingsPath({})).toBe(path.join(os.homedir(), '.config', 'fortnight', 'config.json'));
		// The XDG rule: a relative XDG_CONFIG_HOME is ignored.
		expect(settingsPath({XDG_CONFIG_HOME: 'relative/cfg'})).toBe(path.join(os.homedir(), '.config', 'fortnight', 'config.json'));
	});

	it('is the defaults, silently, when there is no file', () => {
		const r = readSettings({XDG_CONFIG_HOME: path.join(tempDir(), 'none')});
		expect(r.settings).toEqual(DEFAULT_SETTINGS);
		expect(r.problems).toEqual([]);
	});
});

describe('what a settings file may say', () => {
	it('reads keys, theme, store and as', () => {
		const r = parse({keys: {down: ['↓', 'n']}, theme: 'high-contrast', store: '/srv/team/team.json', as: 'DS Brennan'});
		expect(r.problems).toEqual([]);
		expect(r.settings).toEqual({keys: {down: ['↓', 'n']}, theme: 'high-contrast', store: '/srv/team/team.json', as: 'DS Brennan'});
	});

	it('resolves a relative store against the settings folder, and ~/ against the home folder', () => {
		expect(parse({store: 'team.json'}).settings.store).toBe('/home/ds/.config/fortnight/team.json');
		expect(parse({store: '~/team/team.json'}).settings.store).toBe(path.join(os.homedir(), 'team', 'team.json'));
		expect(parse({store: 'postgres://db.example/team'}).settings.store).toBe('postgres://db.example/team');
	});
});

describe('a bad settings file says what is wrong and uses the defaults', () => {
	it('not JSON: every default, and the file named', () => {
		const r = parse('{"theme": "high-contrast",');
		expect(r.settings).toEqual(DEFAULT_SETTINGS);
		expect(r.problems).toHaveLength(1);
		expect(r.problems[0]).toMatch(/^\/home\/ds\/\.config\/fortnight\/config\.json is not valid JSON \(.+\): using the default settings\.$/);
	});

	it('not an object', () => {
		expect(parse([1, 2]).problems[0]).toContain('must hold one JSON object');
		expect(parse([1, 2]).settings).toEqual(DEFAULT_SETTINGS);
	});

	it('a wrong setting falls back alone; the good ones still apply', () => {
		const r = parse({theme: 'neon', keys: {down: ['n']}, as: ''});
		expect(r.settings.theme).toBe('default');
		expect(r.settings.keys).toEqual({down: ['n']});
		expect(r.settings.as).toBeUndefined();
		expect(r.problems).toEqual([
			`${FILE}: theme must be one of "default", "high-contrast"; using the default.`,
			`${FILE}: as must be a non-empty string (an officer's id, collar number or name); using the default.`,
		]);
	});

	it('keys of the wrong shape, and a setting that does not exist', () => {
		const r = parse({keys: {down: 'n'}, colour: 'red'});
		expect(r.settings.keys).toEqual({});
		expect(r.problems[1]).toBe(`${FILE}: "colour" is not a setting (the settings are keys, theme, store, as); it is ignored.`);
		expect(r.problems[0]).toMatch(
			/^.+: keys must map action names to lists of key names, like \{"down": \["↓", "n"\]\} \(at \/down\); using the default\.$/,
		);
	});
});

describe('the default store and identity (used when --store, FORTNIGHT_STORE, --as and FORTNIGHT_USER are absent)', () => {
	const flags = {today: DEMO_TODAY, color: false, debug: false};
	const env = configHome(JSON.stringify({store: '/srv/team/team.json', as: 'DS Brennan'}));

	it('come from the settings file when nothing else names them', () => {
		const ctx = makeContext(flags, env);
		expect(ctx.storePath).toBe('/srv/team/team.json');
		expect(ctx.defaultStore).toBe(false);
		expect(ctx.identity.settingsUser).toBe('DS Brennan');
	});

	it('give way to --store, FORTNIGHT_STORE, --as and FORTNIGHT_USER', () => {
		expect(makeContext({...flags, store: '/x/a.json'}, env).storePath).toBe('/x/a.json');
		expect(makeContext(flags, {...env, FORTNIGHT_STORE: '/x/b.json'}).storePath).toBe('/x/b.json');
		expect(makeContext({...flags, as: 'DC Marsh'}, env).identity.as).toBe('DC Marsh');
		expect(makeContext(flags, {...env, FORTNIGHT_USER: 'DC Marsh'}).identity.envUser).toBe('DC Marsh');
	});
});
