// The tests start real processes and measure failover times on a small machine: collections run one
// after another so they do not steal each other's CPU.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
