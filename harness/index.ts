// The Kafka harness: a real single broker or a replicated cluster of N KRaft nodes from Apache Kafka's jars on
// Maven Central, for the tests, the demo and the benchmarks. The CLI is cli.ts.
export { type Broker, startBroker } from './broker.js';
export { recordClassData } from './class-data.js';
export { type TestCertificates, makeTestCertificates } from './certificates.js';
export { type Cluster, type ClusterOptions, MAX_NODES, startCluster } from './cluster.js';
export { type KafkaCachePaths, fetchKafka, kafkaCachePaths, mavenPom } from './fetch.js';
export {
  type JavaCommand, type KafkaToolOptions, JVM_PERFORMANCE_OPTS, classDataArchive, classDataOptions, heapFlags, kafkaJavaCommand,
} from './java.js';
export {
  type LocalClusterState,
  type LocalClusterStatus,
  type LocalStart,
  localBrokerStatus,
  startLocalBroker,
  stopLocalBroker,
} from './local.js';
export { type LoggingConfig, loggingConfig, loggingJvmFlag } from './logging.js';
export type { NodeInfo } from './node.js';
export { canConnect, reservePorts } from './ports.js';
export {
  HOST,
  type NodeAddress,
  type Replication,
  newClusterId,
  quorumVoters,
  replicationFor,
  serverProperties,
} from './properties.js';
export {
  OAUTH_MODULE, PLAIN_MODULE, SCRAM_MODULE, type SaslUser, type SecureBroker, jaasQuote, secureProperties, startSecureBroker,
} from './secure-broker.js';
export { DEFAULT_KAFKA_VERSION, parseKafkaVersion, resolveKafkaVersion } from './version.js';
