// The live tests change one server's global settings (sign-in experience, signing keys): one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
