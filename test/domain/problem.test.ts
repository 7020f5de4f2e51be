import {describe, expect, it} from 'vitest';
import {severityCountWords, type Severity} from '../../source/domain/problem.js';

const of = (...s: Severity[]) => s.map(severity => ({severity}));

describe('severityCountWords (QA P3-1)', () => {
	it('names every severity that occurs, most urgent first, so the parts add up to the total', () => {
		expect(severityCountWords(of('amber', 'critical', 'info', 'red', 'amber'))).toBe('1 critical, 1 red, 2 amber, 1 info');
		expect(severityCountWords(of('info'))).toBe('1 info');
		expect(severityCountWords(of('red', 'red'))).toBe('2 red');
		expect(severityCountWords([])).toBe('');
	});
});
