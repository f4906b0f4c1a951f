// The real-LXC tests start containers and time clean shutdowns: on a 2-core machine they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
