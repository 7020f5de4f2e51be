// Lint for fortnight: TypeScript's recommended rules, React's rules of hooks, and the layer boundaries
// of docs/architecture.md ("Layers"), so a wrong import fails `npm test` instead of waiting for review.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const LAYERS = 'docs/architecture.md "Layers"';

// The project's top-level folders as they appear in a relative import from anywhere under source/.
const outside = folders => folders.map(folder => `**/${folder}/*`);
const storeInternals = {
	group: ['**/store/*', '!**/store/index.js'],
	message: `Import the store only through its entry point (store/index.js); ${LAYERS}.`,
};

/** One no-restricted-imports entry per layer: ESLint replaces (never merges) a rule's options per file. */
const boundary = (files, patterns) => ({files, rules: {'no-restricted-imports': ['error', {patterns}]}});

// no-restricted-imports sees only static imports; the commands load their modules with import().
const dynamicStoreInternals = {
	selector: 'ImportExpression[source.value=/[/]store[/](?!index[.]js$)/]',
	message: `Import the store only through its entry point (store/index.js); ${LAYERS}.`,
};

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', 'data/', 'test/golden/', 'test/bench/.cache/', 'test/bench/results/', '.tmpbench/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	// Matching terminal control characters is the point of the sanitiser, the key splitter and their tests.
	{rules: {'no-control-regex': 'off'}},
	{
		files: ['**/*.{ts,tsx}'],
		plugins: {'react-hooks': reactHooks},
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'warn',
			// `_name` marks a parameter a signature needs but the body does not use.
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
		},
	},
	{
		files: ['**/*.{js,mjs}'],
		languageOptions: {globals: globals.node},
	},

	// Layers. Domain is pure rules: nothing from another layer, no React or Ink, no I/O.
	boundary(
		['source/domain/**'],
		[
			{
				group: [...outside(['store', 'ui', 'export', 'commands', 'generate', 'settings']), '**/cli.js'],
				message: `source/domain imports nothing outside source/domain; ${LAYERS}.`,
			},
			{
				group: ['node:*', '!node:module', 'react', 'react/*', 'ink', 'ink-*', 'lowdb', 'proper-lockfile'],
				message: `source/domain does no I/O and no rendering; ${LAYERS}.`,
			},
		],
	),
	// Renderers: string in, string out.
	boundary(
		['source/export/**'],
		[
			{
				group: outside(['store', 'ui', 'commands', 'generate', 'settings']),
				message: `source/export renders domain answers only (no ui, store or commands); ${LAYERS}.`,
			},
			{group: ['node:*', 'react', 'react/*', 'ink', 'ink-*'], message: `source/export is string in, string out; ${LAYERS}.`},
		],
	),
	// The generator builds data from domain records; hashing comes in through the Signer it is passed.
	boundary(
		['source/generate/**'],
		[{group: outside(['store', 'ui', 'export', 'commands']), message: `source/generate builds on domain only; ${LAYERS}.`}],
	),
	// The store persists domain data and knows nothing of who shows it.
	boundary(
		['source/store/**'],
		[{group: outside(['ui', 'export', 'commands', 'generate']), message: `source/store depends on domain only; ${LAYERS}.`}],
	),
	// The user's settings file: read and checked on its own, for the commands and the desk to use.
	boundary(
		['source/settings/**'],
		[
			{
				group: outside(['domain', 'store', 'ui', 'export', 'commands', 'generate']),
				message: `source/settings reads one file and knows no other layer; ${LAYERS}.`,
			},
		],
	),
	// The UI and the commands reach the store through its entry point.
	boundary(
		['source/ui/**'],
		[storeInternals, {group: outside(['commands', 'generate']), message: `source/ui does not call commands or the generator; ${LAYERS}.`}],
	),
	boundary(['source/commands/**', 'source/cli.tsx'], [storeInternals]),
	{files: ['source/ui/**', 'source/commands/**', 'source/cli.tsx'], rules: {'no-restricted-syntax': ['error', dynamicStoreInternals]}},
);
