import { loadConfig, type Config } from '../config/config.js';

/** Configuration of an app under test: memory mail transport, quiet logs, jobs off unless asked. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    SISO_DATA_DIR: '/tmp/siso-test-unused',
    SISO_MAIL_TRANSPORT: 'memory',
    SISO_LOG_LEVEL: 'silent',
    SISO_JOBS: '0',
    SISO_DEMO: '1',
    // No registry unless a test asks for the simulator (it would start one per test app).
    SISO_REGISTRY: 'none',
    // Tests change sessions behind the application's back (expiry, revocation): no cache.
    SISO_SESSION_CACHE_SECONDS: '0',
    ...overrides,
  });
}
