import Fastify from 'fastify';

/**
 * The travel scenario's baseline: a bare Fastify answering a constant, in a process of its own like
 * the app's server (in the bench process its heap held the generated data, and at scale 10 the
 * bare route answered half as fast). Prints its address, then serves until it is ended.
 */
const app = Fastify({ logger: false });
app.post('/check', async () => ({ decision: 'allow', reasons: [] }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${url}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
