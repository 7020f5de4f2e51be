/** The machine a run was taken on, for the table's heading. */
import os from 'node:os';

export function machine() {
	const cpus = os.cpus();
	return {
		cpu: cpus[0]?.model?.trim() || 'unknown CPU',
		cores: cpus.length,
		memoryGb: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
		platform: `${os.type()} ${os.release()}`,
		date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
		loadAtStart: os.loadavg()[0],
	};
}
