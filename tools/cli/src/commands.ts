import { type CliCommand } from './command';

/** Every command, in the order `cloudwright --help` lists them. */
export const commands: CliCommand[] = [];
