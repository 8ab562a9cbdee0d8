using SpecMap.Cli;

// Thin entry point: the process's console, folder and environment handed to the command line.
return SpecMapCli.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable);
