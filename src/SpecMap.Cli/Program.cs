using SpecMap.Cli;

// Thin entry point: the process's console, folder and environment handed to the command line. It runs on a thread
// with a large stack, so deeply nested input meets the readers' depth guards long before the stack runs out
// (a stack overflow cannot be caught: it would abort the process with exit 134).
var exitCode = 0;
var main = new Thread(() => exitCode = SpecMapCli.Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable),
    maxStackSize: 256 * 1024 * 1024);
main.Start();
main.Join();
return exitCode;
