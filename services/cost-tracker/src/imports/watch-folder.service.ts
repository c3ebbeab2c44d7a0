import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { COST_TRACKER_CONFIG, type CostTrackerConfig } from '../common/config/cost-tracker.config';
import { CostImportsService, type ImportResultDto } from './cost-imports.service';

/**
 * Polls CW_COST_WATCH_DIR for FOCUS exports (`*.csv`), imports each one atomically, then moves it to `processed/`
 * (imported or duplicate) or `failed/` (rejected or unreadable) with `<file>.report.json` beside it.
 */
@Injectable()
export class WatchFolderService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('cost-watch');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(COST_TRACKER_CONFIG) private readonly config: CostTrackerConfig,
    private readonly imports: CostImportsService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.watchDir) return;
    this.timer = setInterval(() => void this.scanOnce(), this.config.watchIntervalMs);
    this.timer.unref();
    void this.scanOnce();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Imports every CSV waiting in the folder (one scan at a time); returns what happened to each file. */
  async scanOnce(): Promise<{ file: string; outcome: 'processed' | 'failed'; result?: ImportResultDto; error?: string }[]> {
    const dir = this.config.watchDir;
    if (!dir) return [];
    if (this.running) await this.running;
    let done!: () => void;
    this.running = new Promise<void>((r) => (done = r));
    const outcomes: { file: string; outcome: 'processed' | 'failed'; result?: ImportResultDto; error?: string }[] = [];
    try {
      await mkdir(join(dir, 'processed'), { recursive: true });
      await mkdir(join(dir, 'failed'), { recursive: true });
      const files = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile() && d.name.toLowerCase().endsWith('.csv')).map((d) => d.name).sort();
      for (const file of files) {
        let result: ImportResultDto | undefined;
        let error: string | undefined;
        try {
          result = await this.imports.import({ kind: 'path', path: join(dir, file), via: 'watch' });
        } catch (caught) {
          error = caught instanceof Error ? caught.message : String(caught);
        }
        const outcome = result && result.status !== 'rejected' ? 'processed' : 'failed';
        const target = join(dir, outcome, file);
        await rename(join(dir, file), target);
        await writeFile(`${target}.report.json`, `${JSON.stringify(result ?? { status: 'failed', error }, null, 2)}\n`);
        this.logger.log(`${file}: ${result?.status ?? 'failed'} → ${outcome}/`);
        outcomes.push({ file, outcome, ...(result ? { result } : {}), ...(error ? { error } : {}) });
      }
    } catch (caught) {
      this.logger.error(`watch folder ${dir} scan failed: ${caught instanceof Error ? caught.message : String(caught)}`);
    } finally {
      done();
      this.running = undefined;
    }
    return outcomes;
  }
}
