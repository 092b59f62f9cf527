// The examples and notes after each command's --help.

export const EXAMPLES = `
Examples:
  # Kafka's own command line works as pasted (unique prefixes of flags too):
  perf-test --topic t --num-records 1000000 --record-size 1024 --throughput -1 \\
            --producer-props bootstrap.servers=localhost:9092 acks=1

  # The same on the defaults (localhost:9092, topic perf-test created if missing):
  perf-test --num-records 1000000 --record-size 1024 --throughput -1

  # 60 seconds at 20,000 records/s from 2 worker threads, Java producer settings:
  perf-test --duration 60s --throughput 20000 --producers 2 --producer-props linger.ms=10 batch.size=65536

  # Records spread over 8 topics, perf-test-0 to perf-test-7 (or --topic a,b,c):
  perf-test --topics 8 --num-records 800000 --partitions 6

  # A step test and a ramp (the run lasts as long as its profile unless --duration or --num-records says):
  perf-test --throughput 1000:30s,5000:30s,10000:60s
  perf-test --throughput ramp:1000..20000:5m --html ramp.html

  # Keyed records (Kafka's KIP-1299 flags: Java's murmur2 partitioner places them), a hot-key skew, and headers
  # as EndToEndLatency makes them:
  perf-test --num-records 100000 --key-distribution random --record-key-range 1000
  perf-test --num-records 100000 --key-distribution zipf --record-key-range 1000 --key-zipf-exponent 1.2 \\
            --num-headers 2 --record-header-key-size 8 --record-header-size 32

  # One JSON document for CI (progress goes to stderr):
  perf-test --num-records 100000 --json > result.json

  # A CI gate against a saved run: a verdict (pass, fail, inconclusive) from the interval figures of both:
  perf-test --duration 60s --throughput 20000 --reporting-interval 1000 --baseline main.json --max-regression 10%

Latency is measured from the hand-over of each record to the producer to its acknowledgement (Kafka's
definition). With --throughput, a second view measures from each record's intended send time, which is
free of coordinated omission. Exit codes: 0 ok, 1 gate failed, 2 usage error, 3 cluster unreachable or setup
failed, 4 records failed, 5 internal error, 6 authentication or TLS failed, 7 a --baseline verdict was
inconclusive (none failed), 130 interrupted.
`;

export const MERGE_HELP = `
Examples:
  # Three processes (or Kubernetes pods) each ran --shard i/3 --json > part-i.json:
  perf-test merge part-0.json part-1.json part-2.json
  perf-test merge part-*.json --json > merged.json --assert "p99 < 50ms"

Counts are summed and HdrHistograms merged, so percentiles are those of all records.
`;

export const COMPARE_HELP = `
Examples:
  # acks x batch.size: 4 scenarios of 20,000 records, each on a fresh topic; a table, and an HTML report:
  perf-test compare --matrix acks=1,all --matrix batch.size=16384,131072 --num-records 20000 --html report.html
  # Median of 3 runs each after a 5,000-record warmup, against the second scenario, as one JSON document:
  perf-test compare --matrix compression.type=none,lz4,zstd --matrix record-size=100,1024 --num-records 100000 \\
            --repeat 3 --warmup 5000 --baseline-scenario 2 --json > compare.json

A matrix key is a producer property (acks, batch.size, linger.ms, compression.type...) or one of the flags
record-size, producers, client, throughput, num-records, duration, partitions, replication-factor,
warmup-records, transaction-duration-ms. Every other option is the shared workload. --assert judges each scenario.
Repeats are interleaved (A B A B). --max-regression 10% gives each scenario a verdict against the baseline
scenario for each --regression-metrics (default throughput,p99): pass, fail or inconclusive by the 95% interval
of the change over the reporting intervals of its repeats. Exit codes: 1 a gate or verdict failed, 7 a verdict
inconclusive (none failed).
`;

export const REPORT_HELP = `
Examples:
  perf-test report compare.json --html compare.html
  perf-test report before.json after.json --markdown --html before-after.html

Shows saved --json results (of a run, merge, e2e or compare) as a comparison table, and writes the HTML report.
`;

export const CONSUME_HELP = `
Examples:
  # Kafka's ConsumerPerformance command line works as pasted:
  perf-test consume --bootstrap-server localhost:9092 --topic t --messages 1000000
  # Two consumer threads in one group, one JSON document:
  perf-test consume --topic t --messages 1000000 --consumers 2 --json
`;

export const E2E_HELP = `
Examples:
  # 2 producers and 2 consumers at 20,000 records/s for a minute; produce and end-to-end latency side by side:
  perf-test e2e --duration 60s --throughput 20000 --producers 2 --consumers 2
  perf-test e2e --num-records 100000 --record-size 512 --assert "e2e.p99 < 50ms"
  # EndToEndLatency's key and header flags (4.2):
  perf-test e2e --num-records 10000 --record-size 512 --record-key-size 16 --num-headers 2 --record-header-size 64
  # A backlog drain: 1 GiB written with the consumers paused, then read while producing goes on at 5,000/s:
  perf-test e2e --duration 10m --throughput 5000 --backlog 1GiB     (or --backlog 500000records)
  # Kafka's EndToEndLatency command line (4.2 flags, or its deprecated positional form), printing its lines:
  perf-test e2e --bootstrap-server localhost:9092 --topic t --num-records 10000 --producer-acks all --record-size 512 \\
                --throughput 500 --format kafka
  perf-test e2e localhost:9092 t 10000 1 512 --throughput 500 --format kafka

Each record carries its send time; consumers in the same process measure receipt minus send time on one
monotonic clock. The run waits (up to --drain-timeout) until every acked record is consumed and reports any missing.
With --backlog, it reports the fill and the drain: the consumers' rate and the time until they caught up (their
lag down to 1% of the backlog).
`;

export const CAPACITY_HELP = `
Examples:
  # The highest rate held at p99 < 50 ms (from each record's intended send time), to 5%:
  perf-test capacity --bootstrap-server kafka:9092 --topic perf --record-size 1024 --slo "p99 < 50ms"
  # Steps of 20 s after 5 s of warmup each, the whole search within 15 minutes, a CI gate and the curve:
  perf-test capacity --slo "p99 < 50ms" --slo "errors == 0" --step-duration 20s --step-warmup 5s \\
            --max-duration 15m --assert "sustained >= 50000 rec/s" --html capacity.html --json > capacity.json
  # Which batch.size holds the most at p99 < 50 ms? A search per scenario, as compare's --matrix:
  perf-test capacity --slo "p99 < 50ms" --matrix batch.size=16384,131072 --matrix linger.ms=0,10

Each step runs at a fixed rate: the first at --start-rate, each next at twice the last until one fails, then
halfway between the highest that passed and the lowest that failed, until they are within --precision. A step
passes when its acked rate is within 2% of its target and every --slo holds, both judged after its warmup.
A latency in --slo without a prefix reads the latency from the intended send time; send.p99 reads Kafka's
send -> ack view. Every producer option applies to every step. Exit codes: 0 ok, 1 an --assert failed,
2 usage error, 3 cluster unreachable or setup failed, 5 internal error, 130 interrupted.
`;
