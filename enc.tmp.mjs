import { encodeProduceRequest } from './dist/clients/produce-request.js';
const pool = Buffer.alloc(100 + 4099 * 64, 65);
const values = Array.from({ length: 150 }, (_, i) => pool.subarray((i * 4099) % 200000, (i * 4099) % 200000 + 100));
const req = { version: 11, transactionalId: undefined, acks: 1, timeoutMs: 30000, topic: 'rk1', identity: undefined, timestampMs: Date.now(),
  batches: [0, 1, 2].map((p) => ({ partition: p, values, baseSequence: -1 })) };
for (let i = 0; i < 2000; i++) encodeProduceRequest(req);
for (let r = 0; r < 3; r++) {
  const t = process.hrtime.bigint(); const N = 5000;
  for (let i = 0; i < N; i++) encodeProduceRequest(req);
  console.log('ns per record', (Number(process.hrtime.bigint() - t) / (N * 450)).toFixed(1));
}
