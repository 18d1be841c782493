// Starts the benchmark server in a child process and resolves to its base URL.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverScript = fileURLToPath(new URL('./server.mjs', import.meta.url));

export function startServer({ items }) {
  const child = spawn(process.execPath, [serverScript], {
    env: { ...process.env, BENCH_ITEMS: String(items) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`benchmark server exited early with code ${code}`)),
    );
    child.stdout.setEncoding('utf8');
    child.stdout.once('data', (line) => {
      const baseUrl = line.trim().split(' ')[1];
      resolve({
        baseUrl,
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
