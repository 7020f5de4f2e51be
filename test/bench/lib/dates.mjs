/** Date-only arithmetic for command-line windows (UTC day numbers: no clock change can move a day). */
export function addDaysIso(iso, days) {
	const [y, m, d] = iso.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
