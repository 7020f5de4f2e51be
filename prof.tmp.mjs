import {readFileSync} from 'node:fs';
const {parseCsv, planImport} = await import('./dist/domain/import/index.js');
const data = JSON.parse(readFileSync('./data/demo.json', 'utf8'));
const csv = readFileSync('/tmp/import50k.csv', 'utf8');
const parsed = parseCsv(csv);
const t = performance.now();
planImport(data, parsed.table, {today: '2026-11-30'});
console.log(performance.now() - t);
