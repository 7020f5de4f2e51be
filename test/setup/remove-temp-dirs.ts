/**
 * vitest setup file: runs in every test file's worker before the file. The folders its tests made with
 * tempDir (test/helpers/temp-dir.ts: demoCopy and most helpers use it) are removed once the file's tests
 * and its own afterAll hooks are done (hooks run in reverse order, vitest's `sequence.hooks: 'stack'`, so
 * this one, registered first, runs last).
 */
import {afterAll} from 'vitest';
import {removeTempDirs} from '../helpers/temp-dir.js';

afterAll(removeTempDirs);
