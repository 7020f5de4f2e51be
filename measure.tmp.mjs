import {readFileSync} from 'node:fs';
import {parse} from 'csv-parse/sync';
const {parseCsv, planImport, CSV_OPTIONS} = await import('./dist/domain/import/index.js');
const data = JSON.parse(readFileSync('./data/demo.json', 'utf8'));
const csv = readFileSync(process.argv[2] ?? '/tmp/import50k.csv', 'utf8');
const time = (f) => { const c = process.cpuUsage(); const t = performance.now(); const r = f(); const u = process.cpuUsage(c); return [performance.now() - t, (u.user + u.system) / 1000, r]; };
for (let i = 0; i < 3; i++) {
  const [bare, bareCpu] = time(() => parse(csv, CSV_OPTIONS));
  const [p, pCpu, parsed] = time(() => parseCsv(csv));
  const [pl, plCpu, plan] = time(() => planImport(data, parsed.table, {today: '2026-11-30'}));
  console.log(`wall: bare ${bare.toFixed(0)} parseCsv ${p.toFixed(0)} plan ${pl.toFixed(0)} ratio ${((p + pl) / bare).toFixed(2)} | cpu: bare ${bareCpu.toFixed(0)} parseCsv ${pCpu.toFixed(0)} plan ${plCpu.toFixed(0)} ratio ${((pCpu + plCpu) / bareCpu).toFixed(2)}`);
}
