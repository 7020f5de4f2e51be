/** The throwaway cluster the PostgreSQL tests use (test/helpers/postgres.ts): a socket only, no TCP, survives a crash. */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {postgresSkipReason, skipPostgres, startCluster, type Cluster} from '../helpers/postgres.js';

describe.skipIf(skipPostgres)(`a throwaway PostgreSQL cluster${postgresSkipReason}`, () => {
	let cluster: Cluster;
	beforeAll(() => {
		cluster = startCluster();
		cluster.createDatabase('trial');
	});
	afterAll(() => cluster?.stop());

	it('listens on a Unix socket in its own folder and on no TCP port', () => {
		expect(cluster.psql('trial', "SELECT current_setting('listen_addresses')").stdout.trim()).toBe('');
		expect(cluster.psql('trial', "SELECT current_setting('unix_socket_directories')").stdout.trim()).toBe(cluster.socketDir);
	});

	it('keeps committed rows through pg_ctl stop -m immediate and a restart', () => {
		cluster.psql('trial', 'CREATE TABLE t (n int); INSERT INTO t VALUES (41), (1)');
		cluster.crashAndRestart();
		expect(cluster.psql('trial', 'SELECT sum(n) FROM t').stdout.trim()).toBe('42');
	});
});
