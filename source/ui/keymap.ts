/**
 * The desk's keymap, as the rest of the UI reads it: the registry of input contexts (contexts/registry.ts)
 * holds every binding; this module names its defaults and lookups for the callers that predate it.
 */
export {commandFor, helpLines, KEYMAP, keysFor, type DeskCommand} from './contexts/registry.js';
export type {Binding, KeyView} from './contexts/binding.js';
export {NO_KEY, type KeyInfo} from './contexts/key-names.js';
