/**
 * `npm run serve`: the skill as a web service (an HTTPS endpoint in front of it is the host's job).
 *
 *   npm run serve -- [--port 3000] [--host 127.0.0.1] [--insecure-local]
 *
 * Signature and timestamp verification are on. --insecure-local turns them off so that local tools
 * (curl, the simulator's envelopes) can post requests; it is refused unless the host is loopback.
 */
import { Command } from 'commander';
import { skillFromEnvironment } from '../lambda/index';
import { logLine } from '../lambda/observability/log';
import { createServer } from './httpServer';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly insecureLocal: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Reads the command line; throws on anything unsafe or unusable. */
export function parseServeOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ServeOptions {
  const raw = new Command()
    .name('npm run serve --')
    .description('Serve the skill over HTTP with Alexa request verification on.')
    .option('--port <n>', 'port to listen on', env.PORT ?? '3000')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--insecure-local', 'turn off signature and timestamp verification (loopback only)', false)
    .exitOverride()
    .parse([...argv], { from: 'user' })
    .opts<{ port: string; host: string; insecureLocal: boolean }>();
  const port = Number(raw.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${raw.port}`);
  if (raw.insecureLocal && !LOOPBACK.has(raw.host)) {
    throw new Error('--insecure-local turns request verification off, so it only listens on loopback (127.0.0.1)');
  }
  return { port, host: raw.host, insecureLocal: raw.insecureLocal };
}

function main(): void {
  const options = parseServeOptions(process.argv.slice(2));
  const server = createServer({ skill: skillFromEnvironment(), verify: !options.insecureLocal });
  server.on('error', (error: NodeJS.ErrnoException) => {
    logLine({ event: 'listen_failed', code: error.code ?? 'error' });
    process.exitCode = 1;
  });
  server.listen(options.port, options.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    logLine({ event: 'listening', url: `http://${options.host}:${port}/`, verification: options.insecureLocal ? 'off (local only)' : 'on' });
  });
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  }
}
