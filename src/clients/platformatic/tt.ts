import { Producer, kGetApi, NumericMap, type ProducerOptions, type ClusterMetadata } from '@platformatic/kafka';
const p = new Producer<Buffer, Buffer, Buffer, Buffer>({ clientId: 'x', bootstrapBrokers: ['a:1'] });
const m: NumericMap = new NumericMap();
export const x: [typeof p, typeof m, ProducerOptions<Buffer,Buffer,Buffer,Buffer> | undefined, ClusterMetadata | undefined, typeof kGetApi] = [p, m, undefined, undefined, kGetApi];
