// A client module for the worker-crash test: the built kafkajs client, whose producers make their worker thread
// throw an uncaught error once this thread has sent CRASH_AFTER records, as a bug or an out-of-memory would.
import kafkajsClient from '../../dist/clients/kafkajs/index.js';

const CRASH_AFTER = 2000;
let records = 0;

export default {
  ...kafkajsClient,
  createProducer(connection, settings) {
    const port = kafkajsClient.createProducer(connection, settings);
    const produce = port.produce.bind(port);
    port.produce = (request) => {
      records += request.batches.reduce((n, b) => n + b.values.length, 0);
      if (records >= CRASH_AFTER) setImmediate(() => { throw new Error('injected fault: worker crash'); });
      return produce(request);
    };
    return port;
  },
};
