// Package tests install into a chroot and run real guests under TCG on small machines: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
