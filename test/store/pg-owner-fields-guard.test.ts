/**
 * What only the database's owner sets, and who wrote a change (migration 020; README "What each role may
 * do"; REVIEW-9 D3, D8, N4). Through psql with their own role, the sergeant could rewrite the team's
 * thresholds, an officer's record or the team's revision, and forge "who changed what" rows in another
 * officer's name for revisions not yet made (which also stopped every later save). Each is refused now, the
 * owner still may, and fortnight's own writes (both writers: one statement, and the long way after a clash)
 * still pass with the row in the writer's own name.
 */
import {describe, expect, it} from 'vitest';
import {runCli, tempDir} from '../helpers/cli.js';
import {demoTeamsOnCluster, postgresSkipReason, psqlRows, skipPostgres} from '../helpers/postgres.js';

const DB = 'ownerfields';
const T = 'team-a';

describe.skipIf(skipPostgres)(
	`the team row, officer records and change rows are the owner's or the writer's own${postgresSkipReason}`,
	() => {
		const pg = demoTeamsOnCluster(
			DB,
			[T],
			[
				['sgt_a', T, 'o0002'],
				['di_a', T, 'o0001'],
			],
		);
		const env = () => ({XDG_CONFIG_HOME: tempDir()});
		const cli = (role: string, ...args: string[]) =>
			runCli([...args, '--store', `${pg.cluster.url(DB, role)}&team=${T}`, '--today', pg.today], {env: env()});
		const revision = () => Number(psqlRows(pg.cluster, DB, 'postgres', `SELECT revision FROM fortnight_teams WHERE team_id = '${T}'`));

		it("refuses a change row in another officer's name or for a revision not yet made, and later saves still work", () => {
			const ahead = pg.cluster.psql(
				DB,
				`INSERT INTO fortnight_changes (team_id, revision, role, officer_id, what)
			 SELECT '${T}', revision + g, current_user, 'o0002', ARRAY['case CR/87204/26: closed, bail ended']
			 FROM fortnight_teams, generate_series(1, 20) g WHERE team_id = '${T}'`,
				'sgt_a',
			);
			expect(ahead.status).not.toBe(0);
			expect(ahead.stderr).toContain('who changed what is written with the change itself');
			// The same with the revision bumped by one first (allowed: a change's own bump), but in the inspector's name.
			const named = pg.cluster.psql(
				DB,
				`BEGIN;
			 UPDATE fortnight_teams SET revision = revision + 1 WHERE team_id = '${T}';
			 INSERT INTO fortnight_changes (team_id, revision, role, officer_id, what)
			 SELECT '${T}', revision, current_user, 'o0001', ARRAY['forged'] FROM fortnight_teams WHERE team_id = '${T}';
			 COMMIT;`,
				'sgt_a',
			);
			expect(named.stderr).toContain("recorded in its writer's own name (officer o0002)");
			expect(psqlRows(pg.cluster, DB, 'postgres', `SELECT count(*) FROM fortnight_changes WHERE what @> ARRAY['forged']`)).toBe('0');
			const before = revision();
			const save = cli('di_a', 'welfare', 'record', 'Brennan', '--kind', 'check-in');
			expect(save.stdout + save.stderr).toContain('Recorded');
			expect(save.code).toBe(0);
			expect(revision()).toBe(before + 1);
			expect(
				psqlRows(
					pg.cluster,
					DB,
					'postgres',
					`SELECT role || ' ' || officer_id FROM fortnight_changes WHERE team_id = '${T}' AND revision = ${before + 1}`,
				),
			).toBe('di_a o0001');
		});

		it("refuses the team's thresholds, schema version, reference date or a revision moved other than by one", () => {
			const tries = [
				`UPDATE fortnight_teams SET settings = (settings::jsonb || '{"welfareCheckInDays": 365, "bailAmberDays": 0}'::jsonb)::json, revision = revision + 1`,
				`UPDATE fortnight_teams SET schema_version = schema_version + 1, revision = revision + 1`,
				`UPDATE fortnight_teams SET reference_date = '2020-01-01', revision = revision + 1`,
				`UPDATE fortnight_teams SET revision = revision - 1`,
				`UPDATE fortnight_teams SET revision = revision + 5`,
				`UPDATE fortnight_teams SET updated_at = updated_at`,
			];
			const settingsBefore = psqlRows(pg.cluster, DB, 'postgres', `SELECT settings::text FROM fortnight_teams WHERE team_id = '${T}'`);
			const before = revision();
			for (const sql of tries) {
				const r = pg.cluster.psql(DB, `${sql} WHERE team_id = '${T}'`, 'sgt_a');
				expect(r.status, sql).not.toBe(0);
				expect(r.stderr, sql).toMatch(/no officer may change the team's|moves the team's revision on by one/);
			}
			expect(revision()).toBe(before);
			expect(psqlRows(pg.cluster, DB, 'postgres', `SELECT settings::text FROM fortnight_teams WHERE team_id = '${T}'`)).toEqual(
				settingsBefore,
			);
			// The same settings laid out differently are the same settings (a writer's JSON text need not match byte for byte).
			const same = pg.cluster.psql(
				DB,
				`UPDATE fortnight_teams SET settings = jsonb_pretty(settings::jsonb)::json, revision = revision + 1 WHERE team_id = '${T}'`,
				'di_a',
			);
			expect(same.stderr).toBe('');
			expect(revision()).toBe(before + 1);
			// The owner still sets thresholds (README "PostgreSQL": the records system's import and set-up are the owner's).
			const owner = pg.cluster.psql(
				DB,
				`UPDATE fortnight_teams SET settings = settings::jsonb::json, revision = revision + 1 WHERE team_id = '${T}'`,
				'postgres',
			);
			expect(owner.status).toBe(0);
			// Owner-bumped revisions have no change row; the next officer's save is still in its own name.
			const save = cli('sgt_a', 'welfare', 'record', 'Whitlock', '--kind', 'one-to-one');
			expect(save.stdout + save.stderr).toContain('Recorded');
			expect(save.code).toBe(0);
		});

		it("refuses any change to an officer's record (screening, tenure, hours, mentor, login) by an officer's role", () => {
			const about = (officer: string) =>
				(JSON.parse(cli('di_a', 'problems', '--json').stdout) as Array<{kind: string; subject: {officerId: string | null}}>)
					.filter(p => p.subject.officerId === officer)
					.map(p => p.kind)
					.sort();
			const before = about('o0003');
			expect(before).toContain('screening-due');
			for (const change of [
				`{"imageExposed": false}`,
				`{"joinedUnit": "2025-06-01"}`,
				`{"hoursPerWeek": 60}`,
				`{"mentorId": "o0002"}`,
				`{"leftUnit": "2026-01-01"}`,
				`{"login": "someone"}`,
			]) {
				const r = pg.cluster.psql(
					DB,
					`UPDATE fortnight_officers SET doc = (doc::jsonb || '${change}'::jsonb)::json WHERE team_id = '${T}' AND key = 'o0003'`,
					'sgt_a',
				);
				expect(r.status, change).not.toBe(0);
				expect(r.stderr, change).toContain("no officer may change officer o0003's record");
			}
			expect(about('o0003')).toEqual(before);
			// The same record laid out differently is not a change.
			const same = pg.cluster.psql(
				DB,
				`UPDATE fortnight_officers SET doc = jsonb_pretty(doc::jsonb)::json WHERE team_id = '${T}' AND key = 'o0003'`,
				'sgt_a',
			);
			expect(same.stderr).toBe('');
		});
	},
);
