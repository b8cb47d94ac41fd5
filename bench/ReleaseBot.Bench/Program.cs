Console.WriteLine("ReleaseBot benchmarks");
