#!/usr/bin/env node
/**
 * Regenerates the bundled demo team, data/demo.json and data/demo.welfare.json, from the generator
 * (source/generate/generate.ts): `npm run demo` (after a build). The demo is the generator's output for
 * `--cases 60 --seed demo --reference-date 2026-11-30`, written as the first schema wrote it (no case or
 * team history): it is migrated on load like any older store, which keeps the migration tested on a real
 * team (README "Case history"). test/generate/generate.test.ts fails when the file and the generator
 * disagree; test/generate/demo-consistency.test.ts holds the demo to its own rules.
 */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const {generateStore} = await import(path.join(root, 'dist', 'generate', 'generate.js'));
const {signer} = await import(path.join(root, 'dist', 'store', 'chain.js'));

export const DEMO_OPTIONS = {cases: 60, seed: 'demo', referenceDate: '2026-11-30'};

const {data, welfareNotes} = generateStore(DEMO_OPTIONS, signer);
// Schema 1 had no history: the allocation and risk history, the team's supervision and the (empty) bail
// events are what the migration seeds from the rest, exactly as the generator made them.
const without = (record, keys) => Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
const team = without(data.team, ['supervision']);
// A bail event is a record schema 1 cannot hold: stop rather than drop it.
if (data.cases.some(c => c.bailEvents.length > 0)) throw new Error('the generated demo has bail events, which schema 1 cannot hold');
const cases = data.cases.map(c => without(c, ['allocations', 'riskHistory', 'bailEvents']));
const json = value => JSON.stringify(value, null, '\t') + '\n';
writeFileSync(path.join(root, 'data', 'demo.json'), json({...data, schemaVersion: 1, team, cases}));
writeFileSync(
	path.join(root, 'data', 'demo.welfare.json'),
	json({schemaVersion: 1, notes: welfareNotes.map((n, i) => ({id: `wn${i + 1}`, ...n}))}),
);
process.stdout.write(`Wrote data/demo.json (${cases.length} cases, ${data.chain.length} signed entries) and data/demo.welfare.json.\n`);
