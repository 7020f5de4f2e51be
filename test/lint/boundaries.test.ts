/**
 * The layer boundaries of docs/architecture.md, as eslint.config.js enforces them: each forbidden import
 * is reported, and the imports each layer is meant to make are not.
 */
import path from 'node:path';
import {ESLint} from 'eslint';
import {describe, expect, it} from 'vitest';
import {ROOT} from '../helpers/cli.js';

const eslint = new ESLint({cwd: ROOT});
const at = (file: string) => path.join(ROOT, file);

/** The boundary rules that fire for `code` placed at `file` (a path in the repository; it need not exist). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(`${code}\nexport {};\n`, {filePath: at(file)});
	return result!.messages.filter(m => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map(m => m.message);
}

describe('layer boundaries', () => {
	it('domain imports nothing outside domain, and does no I/O or rendering', async () => {
		for (const spec of [
			'../../store/index.js',
			'../../ui/theme.js',
			'../../export/markdown.js',
			'../../commands/context.js',
			'../../generate/generate.js',
			'../../cli.js',
		]) {
			expect(await boundaryErrors('source/domain/review/x.ts', `import '${spec}';`), spec).toEqual([
				expect.stringContaining('nothing outside source/domain'),
			]);
		}
		for (const spec of ['node:fs', 'node:crypto', 'ink', 'react', 'lowdb']) {
			expect(await boundaryErrors('source/domain/x.ts', `import '${spec}';`), spec).toEqual([
				expect.stringContaining('no I/O and no rendering'),
			]);
		}
		expect(
			await boundaryErrors(
				'source/domain/review/x.ts',
				`import '../rules/index.js'; import '../dates.js'; import 'node:module'; import 'date-fns';`,
			),
		).toEqual([]);
	});

	it('export imports no ui, store or commands', async () => {
		for (const spec of ['../store/index.js', '../ui/theme.js', '../commands/context.js']) {
			expect(await boundaryErrors('source/export/x.ts', `import '${spec}';`), spec).toHaveLength(1);
		}
		expect(await boundaryErrors('source/export/x.ts', `import '../domain/dates.js';`)).toEqual([]);
	});

	it('ui, commands and the command line reach the store only through its entry point, import() included', async () => {
		for (const file of ['source/ui/desk/x.ts', 'source/commands/x.ts', 'source/cli.tsx']) {
			const store = file === 'source/cli.tsx' ? './store' : file.startsWith('source/ui/') ? '../../store' : '../store';
			expect(await boundaryErrors(file, `import {signer} from '${store}/chain.js';`), file).toEqual([
				expect.stringContaining('only through its entry point'),
			]);
			expect(await boundaryErrors(file, `const m = await import('${store}/store.js');`), file).toEqual([
				expect.stringContaining('only through its entry point'),
			]);
			expect(
				await boundaryErrors(file, `import {signer} from '${store}/index.js'; const m = await import('${store}/index.js');`),
				file,
			).toEqual([]);
		}
	});

	it('the store and the generator build on domain only', async () => {
		expect(await boundaryErrors('source/store/x.ts', `import '../ui/theme.js';`)).toHaveLength(1);
		expect(await boundaryErrors('source/generate/x.ts', `import '../store/index.js';`)).toHaveLength(1);
		expect(await boundaryErrors('source/generate/x.ts', `import '../domain/signer.js';`)).toEqual([]);
	});
});
