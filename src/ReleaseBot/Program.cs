Console.WriteLine("ReleaseBot");
