import { type CliCommand } from './command';
import { eventsCommand } from './events/events.command';

/** Every command, in the order `cloudwright --help` lists them. */
export const commands: CliCommand[] = [eventsCommand];
