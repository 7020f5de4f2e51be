/**
 * Every setting has a range (issue 14, item 11): `reviewCapDays: 1e15` is a valid integer that passed
 * `verify`, then every other command died with "Invalid time value" (exit 70). Now the loader refuses
 * an out-of-range setting naming it and its range, and every value inside the ranges runs every
 * command that reads the rules.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {TObject, TSchema} from '@sinclair/typebox';
import {describe, expect, it} from 'vitest';
import handover from '../../source/commands/handover.js';
import log from '../../source/commands/log.js';
import problems from '../../source/commands/problems.js';
import {SettingsSchema, type StoreData} from '../../source/domain/model.js';
import {loadStoreText} from '../../source/store/load-text.js';
import {DEMO, DEMO_TODAY, runCli, tempDir} from '../helpers/cli.js';
import {runCommand} from '../commands/in-process.js';

const demo = JSON.parse(readFileSync(DEMO, 'utf8')) as StoreData;

interface Bounded {
	/** Path inside settings, e.g. ['reviewCadenceDays', 'high']. */
	at: string[];
	minimum: number;
	maximum: number;
	integer: boolean;
}

/** Every number in the settings schema with its bounds (nested objects such as reviewCadenceDays included). */
function boundedSettings(schema: TObject = SettingsSchema, at: string[] = []): Bounded[] {
	return Object.entries(schema.properties as Record<string, TSchema>).flatMap(([key, s]): Bounded[] => {
		if (s['type'] === 'object') return boundedSettings(s as TObject, [...at, key]);
		if (s['type'] !== 'integer' && s['type'] !== 'number') return [];
		return [{at: [...at, key], minimum: s['minimum'] as number, maximum: s['maximum'] as number, integer: s['type'] === 'integer'}];
	});
}

function withSetting(settings: StoreData['settings'], at: string[], value: number): StoreData['settings'] {
	const next = structuredClone(settings) as unknown as Record<string, Record<string, number> | number>;
	if (at.length === 1) next[at[0]!] = value;
	else (next[at[0]!] as Record<string, number>)[at[1]!] = value;
	return next as unknown as StoreData['settings'];
}

function storeWith(settings: StoreData['settings']): string {
	const file = path.join(tempDir('fortnight-settings-'), 'team.json');
	writeFileSync(file, JSON.stringify({...demo, settings}));
	return file;
}

describe('settings bounds', () => {
	const all = boundedSettings();

	it('bounds every number in the settings, whole numbers for day, month, year and count settings', () => {
		const names = all.map(b => b.at.join('.'));
		// Every numeric setting in DEFAULT_SETTINGS is bounded (none slipped through without a range).
		expect(names.length).toBe(43);
		for (const b of all) {
			expect(Number.isFinite(b.minimum), b.at.join('.')).toBe(true);
			expect(Number.isFinite(b.maximum), b.at.join('.')).toBe(true);
			if (/Days$|Months$|Years$|reviewCadenceDays/.test(b.at.join('.'))) expect(b.integer, b.at.join('.')).toBe(true);
		}
	});

	it('refuses reviewCapDays 1e15 on verify and on every command, naming the setting and its range (exit 3, not 70)', () => {
		const file = storeWith({...demo.settings, reviewCapDays: 1e15});
		const verify = runCli(['verify', '--store', file, '--today', DEMO_TODAY]);
		expect(verify.code).toBe(3);
		expect(verify.stderr).toContain(
			'/settings/reviewCapDays, the setting reviewCapDays must be a whole number from 1 to 90 (found a number above 90)',
		);
		const list = runCli(['problems', '--store', file, '--today', DEMO_TODAY]);
		expect(list.code).toBe(3);
		expect(list.stderr).not.toContain('unexpected error');
		expect(list.stderr).not.toContain('1000000000000000');
	});

	it('refuses each setting one above its maximum, one below its minimum, and a fraction of a day', () => {
		for (const b of all) {
			const name = b.at.join('.');
			for (const value of [b.maximum + 1, b.minimum - 1, ...(b.integer ? [b.minimum + 0.5] : [])]) {
				const text = JSON.stringify({...demo, settings: withSetting(demo.settings, b.at, value)});
				expect(() => loadStoreText(text, 'team.json'), `${name} = ${value}`).toThrow(
					`at /settings/${b.at.join('/')}, the setting ${name} must be`,
				);
			}
		}
	});

	for (const end of ['minimum', 'maximum'] as const) {
		it(`runs problems, handover and the review log with every setting at its ${end}`, async () => {
			let settings = demo.settings;
			for (const b of all) settings = withSetting(settings, b.at, b[end]);
			const file = storeWith(settings);
			expect(() => loadStoreText(readFileSync(file, 'utf8'), file)).not.toThrow();
			for (const [command, flags] of [
				[problems, {json: true}],
				[handover, {}],
				[log, {format: 'md'}],
				[log, {format: 'json'}],
			] as const) {
				const r = await runCommand(command, file, [], flags, {today: DEMO_TODAY});
				expect(r.code, `${command.name} ${JSON.stringify(flags)}: ${r.stderr}`).toBe(0);
			}
		});
	}
});
