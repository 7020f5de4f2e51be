/**
 * `--out FILE` for every command that writes one (handover, log, generate): the store's writeExport
 * (README "Exports and --out") with the current --store protected, "-" as standard output, and its
 * refusals as usage errors (exit 2: the path given is the problem, nothing was written).
 */
import {checkExport, ExportRefused, writeExport, type ExportOptions, type ExportWritten} from '../store/index.js';
import {UsageError, type Context} from './context.js';
import {pathRefusal} from './typed-path.js';

/** writeExport's options a command chooses (the store and standard output come from the context). */
export type OutOptions = Omit<ExportOptions, 'storeFile' | 'stdout'>;

export async function writeOut(ctx: Context, file: string, content: string, options: OutOptions): Promise<ExportWritten> {
	refuseUnprintable(file);
	try {
		return await writeExport(file, content, {...options, storeFile: ctx.storePath, stdout: ctx.stdout});
	} catch (err) {
		throw usageIfRefused(err);
	}
}

/** The same answer as writeOut, nothing written: before slow work or a question. */
export async function checkOut(ctx: Context, file: string, options: OutOptions): Promise<void> {
	refuseUnprintable(file);
	try {
		await checkExport(file, {...options, storeFile: ctx.storePath, stdout: ctx.stdout});
	} catch (err) {
		throw usageIfRefused(err);
	}
}

/**
 * An --out path that would not print as typed is refused (typed-path.ts; QA 9 D10): "Wrote ... to h.md" was
 * said of a file named "h␛]0;T␇.md", while h.md was another, older file.
 */
function refuseUnprintable(file: string): void {
	const refusal = pathRefusal(file, '--out', 'Nothing was written.');
	if (refusal !== null) throw new UsageError(refusal);
}

/** An ExportRefused as the usage error the CLI reports; any other error as it is. */
export function usageIfRefused(err: unknown): unknown {
	if (!(err instanceof ExportRefused)) return err;
	return new UsageError(err.reason === 'exists' ? `${err.message} Add --force to replace it, or choose another file.` : err.message);
}

/** The --force flag, as every command that writes --out declares it. */
export const FORCE_FLAG = {type: 'boolean', default: false} as const;
