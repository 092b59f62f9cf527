import { createServer, type Server } from 'node:http';
import type { MetricsConfig } from '../config/resolve-metrics.js';
import { SetupError } from '../errors.js';
import type { IntervalResult } from '../report/result.js';
import { EMPTY_FIGURES, OPENMETRICS_CONTENT_TYPE, nextFigures, openMetricsText, type LiveFigures, type RunTotals } from '../report/openmetrics.js';

/** `/metrics` during a run: the figures as of the last interval, in the OpenMetrics text format. */
export class MetricsServer {
  private figures: LiveFigures = EMPTY_FIGURES;

  private constructor(
    private readonly server: Server,
    private readonly config: MetricsConfig,
    /** The port it listens on (the one chosen when --metrics-port was 0). */
    readonly port: number,
  ) {}

  /** Listens before the run starts, so that a port in use fails before anything is sent. */
  static async start(config: MetricsConfig): Promise<MetricsServer> {
    let self: MetricsServer | undefined;
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: perf-test serves /metrics\n');
        return;
      }
      res.writeHead(200, { 'content-type': OPENMETRICS_CONTENT_TYPE }).end(self!.text());
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (e) {
      throw new SetupError(`--metrics-port: cannot listen on ${config.host}:${config.port}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const address = server.address();
    self = new MetricsServer(server, config, typeof address === 'object' && address ? address.port : config.port);
    return self;
  }

  get url(): string {
    const host = this.config.host.includes(':') ? `[${this.config.host}]` : this.config.host;
    return `http://${host}:${this.port}/metrics`;
  }

  /** An interval closed: its figures are what the next scrape gets. */
  update(interval: IntervalResult, totals: RunTotals): void {
    this.figures = nextFigures(this.figures, interval, totals);
  }

  text(): string {
    return openMetricsText(this.figures, { runId: this.config.runId, shard: this.config.shard });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
